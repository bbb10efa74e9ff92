package main

import "fmt"

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func main() {
	fmt.Println(popcount(0), popcount(255), popcount(1<<63|1))
	var u uint32 = 0xDEADBEEF
	fmt.Printf("%x %x %x %08b\n", u>>16, u&0xFFFF, ^u, uint8(u))
	var s int64 = -8
	fmt.Println(s>>1, s<<2, uint64(s)>>60)
	var sh uint = 70
	fmt.Println(1<<sh == 0, int64(-1)>>sh)
	x := 0b1011
	y := 0o17
	z := 0x_FF
	fmt.Println(x, y, z, 1_000_000)
	fmt.Println(6&^3, 6|3, 6^3)
}
