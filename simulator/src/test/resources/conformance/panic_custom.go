package main

import "fmt"

func main() {
	fmt.Println("start")
	panic(fmt.Errorf("custom failure %d", 7))
}
