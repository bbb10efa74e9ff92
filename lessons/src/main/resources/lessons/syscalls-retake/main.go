// One goroutine makes three short system calls, then a long one.
package main

import (
	"fmt"
	"time"

	"gmplab/sim"
)

func main() {
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			sim.Syscall(5 * time.Microsecond) // short: back before sysmon looks
		}
		sim.Syscall(2 * time.Millisecond) // long: sysmon retakes the P
		done <- true
	}()
	<-done
	fmt.Println("done")
}
