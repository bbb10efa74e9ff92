package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), d.Milliseconds())
	fmt.Println(time.Duration(0), 2*time.Hour+3*time.Minute+4*time.Second, 250*time.Microsecond, 17*time.Nanosecond)
	fmt.Println(time.Duration(1234567890), -3*time.Second, 90*time.Minute)
	fmt.Printf("%v %d %T\n", time.Second, time.Second, time.Second)
	var t time.Duration = 1
	fmt.Println(t * 1000)
	fmt.Println((3 * time.Second).Minutes())
}
