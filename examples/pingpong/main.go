// pingpong: two goroutines bounce a counter over unbuffered channels.
//
// chansend finds the partner parked in recvq, copies the value and calls
// goready(partner) → runqput(pp, partner, next=true): the partner goes to the
// sender's runnext and, when the sender then blocks on its own receive, runs
// next on the SAME P inheriting the same time slice (execute(gp,
// inheritTime=true) does not increment schedtick). The pair therefore lives
// on one P even when GOMAXPROCS > 1 (see schedtrace: one P busy, the others
// idle, runqueue lengths 0 — runnext is not counted).
//
// stdout: the first 5 exchanges (deterministic), then the total.
// stderr: rounds per second (machine dependent).
package main

import (
	"fmt"
	"os"
	"time"
)

const rounds = 200000

func player(name string, in <-chan int, out chan<- int, done chan<- struct{}) {
	for {
		v, ok := <-in
		if !ok {
			close(out)
			done <- struct{}{}
			return
		}
		if v < 5 {
			fmt.Println(name, v)
		}
		if v+1 >= rounds {
			close(out)
			done <- struct{}{}
			return
		}
		out <- v + 1
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan struct{}, 2)
	start := time.Now()
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 0
	<-done
	<-done
	el := time.Since(start)
	fmt.Println("exchanges:", rounds)
	fmt.Fprintf(os.Stderr, "timing: %d exchanges in %v (%.0f ns/exchange)\n",
		rounds, el.Round(time.Microsecond), float64(el.Nanoseconds())/rounds)
}
