package main

import (
	"fmt"
	"time"
)

func main() {
	timer1 := time.NewTimer(20 * time.Millisecond)
	<-timer1.C
	fmt.Println("Timer 1 fired")

	timer2 := time.NewTimer(10 * time.Millisecond)
	go func() {
		<-timer2.C
		fmt.Println("Timer 2 fired")
	}()
	stop2 := timer2.Stop()
	if stop2 {
		fmt.Println("Timer 2 stopped")
	}
	time.Sleep(20 * time.Millisecond)
	fmt.Println(timer1.Stop(), timer2.Stop())

	t3 := time.NewTimer(time.Hour)
	fmt.Println(t3.Reset(5 * time.Millisecond))
	<-t3.C
	fmt.Println("Timer 3 fired after reset", t3.Reset(time.Millisecond))
	<-t3.C
	fmt.Println("again")
}
