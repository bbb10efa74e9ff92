package main

import "fmt"

func main() {
	println("to stderr")
	print("also stderr\n")
	fmt.Println("to stdout")
}
