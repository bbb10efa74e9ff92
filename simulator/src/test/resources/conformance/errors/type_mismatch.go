package main

import "fmt"

func main() {
	var s string = 5
	n := 3
	var t string = n
	fmt.Println(s, t, n+"x")
}
