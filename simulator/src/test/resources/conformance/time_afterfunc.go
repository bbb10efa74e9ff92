package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan string)
	time.AfterFunc(10*time.Millisecond, func() { done <- "fired" })
	t2 := time.AfterFunc(5*time.Millisecond, func() { fmt.Println("should not run") })
	fmt.Println("stopped:", t2.Stop())
	fmt.Println(<-done)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("end")
}
