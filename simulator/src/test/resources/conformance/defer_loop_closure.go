package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("closure sees", i) }()
	}
	for i := 0; i < 3; i++ {
		defer func(n int) { fmt.Println("arg", n) }(i)
	}
	fmt.Println("main body")
}
