package main

import "fmt"

func main() {
	fmt.Println("before")
	defer fmt.Println("deferred runs")
	var s []int
	idx := 5
	fmt.Println(s[idx])
}
