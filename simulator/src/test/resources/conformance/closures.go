package main

import "fmt"

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	c1 := counter()
	c2 := counter()
	fmt.Println(c1(), c1(), c1(), c2())
	k := 3
	fmt.Println(apply([]int{1, 2, 3}, func(x int) int { return x * k }))
	k = 10
	mul := func(x int) int { return x * k }
	fmt.Println(mul(2))
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() int
	for i := 0; i < 3; i++ {
		i := i
		gs = append(gs, func() int { return i * i })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(15))
	x := 0
	func() {
		x = 5
		func() { x *= 2 }()
	}()
	fmt.Println(x)
}
