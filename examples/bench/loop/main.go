// loop: a tight arithmetic loop, to measure how many VM instructions per
// second the simulator's interpreter executes. With the default cost of 1 ns
// of virtual time per instruction, the virtual time the loop takes (printed on
// stderr as "virtual_ns") is the number of instructions it executed;
// bench/go-vs-sim.sh divides it by the wall time.
package main

import (
	"fmt"
	"os"
	"time"
)

const iterations = 20000000

func main() {
	start := time.Now()
	s := 0
	for i := 0; i < iterations; i++ {
		s += i & 7
	}
	el := time.Since(start)
	fmt.Println("sum", s)
	fmt.Fprintln(os.Stderr, "virtual_ns:", el.Nanoseconds())
}
