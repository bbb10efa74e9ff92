package main

import "fmt"

type Handler func(string) string

func chain(hs ...Handler) Handler {
	return func(s string) string {
		for _, h := range hs {
			s = h(s)
		}
		return s
	}
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func main() {
	h := chain(func(s string) string { return s + "a" }, func(s string) string { return "<" + s + ">" })
	fmt.Println(h("x"))
	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	fmt.Println(compose(inc, dbl)(5), compose(dbl, inc)(5))
	ops := []struct {
		name string
		f    func(a, b int) int
	}{
		{"add", func(a, b int) int { return a + b }},
		{"sub", func(a, b int) int { return a - b }},
	}
	for _, op := range ops {
		fmt.Println(op.name, op.f(7, 3))
	}
}
