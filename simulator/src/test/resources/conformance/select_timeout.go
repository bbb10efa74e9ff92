package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan string)
	go func() {
		time.Sleep(50 * time.Millisecond)
		c <- "slow result"
	}()
	select {
	case r := <-c:
		fmt.Println(r)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	fmt.Println(<-c)
	timeout := time.After(100 * time.Millisecond)
	tick := time.NewTicker(30 * time.Millisecond)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-tick.C:
			n++
		case <-timeout:
			fmt.Println("ticks", n)
			return
		}
	}
}
