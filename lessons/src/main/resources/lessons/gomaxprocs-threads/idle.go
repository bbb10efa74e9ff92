// A program that only sleeps.
package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(5 * time.Millisecond)
	fmt.Println("woke up")
}
