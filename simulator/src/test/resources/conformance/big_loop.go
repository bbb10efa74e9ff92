package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 200000; i++ {
		if i%3 == 0 || i%5 == 0 {
			sum += i
		}
	}
	fmt.Println(sum)
	h := uint32(2166136261)
	for i := 0; i < 1000; i++ {
		h ^= uint32(i & 0xff)
		h *= 16777619
	}
	fmt.Println(h)
}
