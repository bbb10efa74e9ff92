// Ping-pong over unbuffered channels, 4 rounds.
package main

import "fmt"

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	n := 0
	for i := 0; i < 4; i++ {
		ping <- n
		n = <-pong
	}
	close(ping)
	fmt.Println(n)
}
