package main

import "fmt"

func f() (result int) {
	defer func() {
		result *= 2
	}()
	return 21
}

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("exit", name) }
}

func g() {
	defer trace("g")()
	fmt.Println("in g")
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println(f())
	g()
	x := 1
	defer fmt.Println("x at defer time:", x)
	x = 2
	fmt.Println("end of main", x)
}
