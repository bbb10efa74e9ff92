package main

import "fmt"

var (
	a = b + 1
	b = 2
	c int
	d = []string{"x"}
	counter = makeCounter()
)

func makeCounter() map[string]int { return map[string]int{"init": 1} }

func init() {
	c = 42
	fmt.Println("init 1", c)
}

func init() {
	d = append(d, "y")
	fmt.Println("init 2", d)
}

func main() {
	fmt.Println(b, c, d, counter)
	fmt.Println(a)
}
