package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func main() {
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println("goroutines with a pending timer:", runtime.NumGoroutine())
	fmt.Println("stop before firing:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	fmt.Println("reset of a stopped timer:", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("fired after reset")
	done := make(chan bool)
	f := time.AfterFunc(20*time.Millisecond, func() { done <- true })
	fmt.Println("goroutines with a pending AfterFunc:", runtime.NumGoroutine())
	<-done
	fmt.Println("AfterFunc ran; stop after it ran:", f.Stop())
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	fmt.Println("goroutines with a pending context deadline:", runtime.NumGoroutine())
	cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err())
	ctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel2()
	<-ctx2.Done()
	fmt.Println(ctx2.Err())
	tk := time.NewTicker(time.Millisecond)
	<-tk.C
	<-tk.C
	tk.Stop()
	fmt.Println("ticker stopped")
}
