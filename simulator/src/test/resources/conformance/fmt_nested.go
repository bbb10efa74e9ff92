package main

import "fmt"

type Inner struct {
	A []int
	M map[string]int
}

type Outer struct {
	I   Inner
	P   *Inner
	E   error
	Any interface{}
}

func main() {
	o := Outer{I: Inner{[]int{1, 2}, map[string]int{"k": 1}}, Any: 3.5}
	fmt.Printf("%v\n%+v\n", o, o)
	var nilSlice []int
	var nilMap map[int]int
	fmt.Println(nilSlice, nilMap, []interface{}{1, "a", nil, 2.5, true})
	fmt.Println([][]string{{"a"}, {}, {"b", "c"}})
	fmt.Println(map[string][]int{"x": {1}, "a": nil})
	fmt.Printf("%v %v\n", struct{}{}, [0]int{})
	type pt struct{ X, Y float64 }
	fmt.Println(pt{1.5, 2}, []pt{{0, 0.25}})
	fmt.Printf("%#v %#v %#v\n", []int{1}, "q", map[string]int{"a": 1})
}
