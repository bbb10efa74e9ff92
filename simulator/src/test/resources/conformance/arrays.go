package main

import "fmt"

func modify(a [3]int) [3]int {
	a[0] = 99
	return a
}

func main() {
	var a [3]int
	a[1] = 5
	b := a
	b[2] = 7
	fmt.Println(a, b, len(a))
	c := [...]string{"x", "y", "z", "w"}
	fmt.Println(c, len(c))
	d := modify(a)
	fmt.Println(a, d)
	e := [5]int{1: 10, 3: 30}
	fmt.Println(e)
	s := e[1:4]
	s[0] = 11
	fmt.Println(e, s)
	var grid [2][3]int
	grid[1][2] = 6
	fmt.Println(grid)
	fmt.Println(a == [3]int{0, 5, 0}, a != b)
	for i, v := range c {
		fmt.Print(i, v, ";")
	}
	fmt.Println()
	p := &a
	p[0] = 1
	fmt.Println(a, len(p))
}
