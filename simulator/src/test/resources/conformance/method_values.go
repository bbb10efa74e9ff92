package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }
func (a Acc) Get() int   { return a.total }

type Op func(int, int) int

func (o Op) apply(a, b int) int { return o(a, b) }

func main() {
	a := &Acc{}
	add := a.Add
	add(5)
	add(7)
	get := a.Get
	a.Add(1)
	fmt.Println(a.total, get(), a.Get())
	var plus Op = func(x, y int) int { return x + y }
	fmt.Println(plus.apply(2, 3))
	fs := map[string]func(int) int{
		"double": func(x int) int { return x * 2 },
		"neg":    func(x int) int { return -x },
	}
	fmt.Println(fs["double"](4), fs["neg"](4))
	var nilf func()
	fmt.Println(nilf == nil)
}
