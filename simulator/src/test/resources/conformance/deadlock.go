package main

import "fmt"

func main() {
	fmt.Println("about to deadlock")
	ch := make(chan int)
	ch <- 1
	fmt.Println("never")
}
