package main

import "fmt"

func main() {
	var f float64 = 1.5
	var i int = 2
	fmt.Println(f * i)
	var b bool = 1
	fmt.Println(b, !i)
}
