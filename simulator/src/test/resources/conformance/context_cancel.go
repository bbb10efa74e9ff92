package main

import (
	"context"
	"fmt"
	"time"
)

func worker(ctx context.Context, out chan<- string) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			out <- "stopped: " + ctx.Err().Error()
			return
		default:
			time.Sleep(10 * time.Millisecond)
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string)
	go worker(ctx, out)
	time.Sleep(35 * time.Millisecond)
	cancel()
	fmt.Println(<-out)
	fmt.Println(ctx.Err())
	cancel()
	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err())
	case <-time.After(time.Second):
		fmt.Println("too slow")
	}
	parent, pcancel := context.WithCancel(context.Background())
	child, ccancel := context.WithCancel(parent)
	defer ccancel()
	pcancel()
	<-child.Done()
	fmt.Println("child:", child.Err(), context.Background().Err())
}
