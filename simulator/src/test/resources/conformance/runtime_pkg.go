package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.NumGoroutine())
	done := make(chan bool)
	go func() {
		runtime.Gosched()
		done <- true
	}()
	<-done
	fmt.Println("ok")
}
