package main

import "fmt"

func main() {
	count := 3
	msg := "count: " + count
	fmt.Println(msg)
}
