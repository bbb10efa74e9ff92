// deadlock: main waits on a channel nobody will ever send on, while the only
// other goroutine waits on a second one.
//
// When the last M goes idle, checkdead() finds no running M, no runnable G,
// no timers → fatal error: all goroutines are asleep - deadlock! (exit 2).
package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() {
		<-b // waits forever
		a <- 1
	}()
	fmt.Println("waiting...")
	<-a
	fmt.Println("unreachable")
}
