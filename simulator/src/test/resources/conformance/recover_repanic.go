package main

import "fmt"

func inner() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("inner recovered", r)
			panic(fmt.Sprint("re-panic: ", r))
		}
	}()
	panic("first")
}

func outer() (msg string) {
	defer func() {
		msg = fmt.Sprint("outer recovered: ", recover())
	}()
	inner()
	return "not reached"
}

func main() {
	fmt.Println(outer())
}
