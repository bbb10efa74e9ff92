package main

import (
	"errors"
	"fmt"
)

func safe(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

func main() {
	fmt.Println(safe(func() { panic("boom") }))
	fmt.Println(safe(func() {
		var a []int
		_ = a[3]
	}))
	fmt.Println(safe(func() {
		x := 0
		fmt.Println(10 / x)
	}))
	fmt.Println(safe(func() {
		var m map[string]int
		m["a"] = 1
	}))
	fmt.Println(safe(func() { panic(errors.New("an error")) }))
	fmt.Println(safe(func() {
		var p *struct{ X int }
		fmt.Println(p.X)
	}))
	fmt.Println(safe(func() {
		var i interface{} = "str"
		_ = i.(int)
	}))
	fmt.Println(safe(func() {}))
	fmt.Println(recover())
	defer func() {
		r := recover()
		fmt.Println("main recovered:", r)
	}()
	panic(fmt.Sprintf("final %d", 42))
}
