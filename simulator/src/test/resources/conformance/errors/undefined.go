package main

import "fmt"

func main() {
	fmt.Println(x)
	y := 1
	fmt.Println(y + z)
}
