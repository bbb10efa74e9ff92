package main

import "fmt"

var x = 10

func show() int { return x }

func main() {
	fmt.Println(x)
	x := 5
	fmt.Println(x, show())
	if x := 7; x > 6 {
		fmt.Println("inner", x)
	} else {
		fmt.Println("else", x)
	}
	{
		x := "block"
		fmt.Println(x)
	}
	for x := 0; x < 2; x++ {
		fmt.Print(x)
	}
	fmt.Println()
	fmt.Println(x)
	a, b := 1, 2
	b, c := 3, 4
	fmt.Println(a, b, c)
}
