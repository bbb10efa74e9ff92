package main

import "fmt"

type S struct {
	I  int
	F  float64
	B  bool
	St string
	P  *int
	Sl []int
	M  map[string]int
	Ch chan int
	Fn func()
	E  error
	A  [2]bool
}

func main() {
	var s S
	fmt.Printf("%v\n%+v\n", s, s)
	fmt.Println(s.P == nil, s.Sl == nil, s.M == nil, s.Ch == nil, s.Fn == nil, s.E == nil)
	var i interface{}
	fmt.Println(i, i == nil)
	var r rune
	var by byte
	fmt.Println(r, by)
	fmt.Printf("%q %v %d\n", "", 0.0, int64(0))
}
