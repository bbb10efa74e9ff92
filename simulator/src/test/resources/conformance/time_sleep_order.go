package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	done := make(chan string, 3)
	for _, d := range []int{30, 10, 20} {
		go func(ms int) {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			done <- fmt.Sprint(ms, "ms")
		}(d)
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-done)
	}
	el := time.Since(start)
	fmt.Println(el >= 30*time.Millisecond, el < 40*time.Millisecond)
}
