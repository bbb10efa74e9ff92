package main

import (
	"errors"
	"fmt"
	"strings"
)

type V struct{ x int }

func (v V) Get() int   { return v.x }
func (v *V) Set(n int) { v.x = n }

type Grid [2][2]int

func divide(a, b int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			res = -1
		}
	}()
	res = a / b
	return
}

func counterPair() (func() int, func() int) {
	n := 0
	return func() int { n++; return n }, func() int { return n }
}

func main() {
	v := V{1}
	f := v.Get
	v.Set(2)
	fmt.Println(f(), v.Get())
	var i interface{} = v
	v.x = 3
	fmt.Println(i.(V).x, v.x)

	a := make([]int, 3, 10)
	b := append(a, 4)
	c := append(a, 5)
	fmt.Println(b[3], c[3], len(a), cap(b))

	m := map[string][]int{}
	m["x"] = append(m["x"], 1)
	s := m["x"]
	s[0] = 99
	fmt.Println(m["x"])

	bad := "a\xffb"
	for i, r := range bad {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println(len(bad), []byte(bad))

	g := Grid{{1, 2}, {3, 4}}
	h := g
	h[0][0] = 100
	fmt.Println(g, h, g == Grid{{1, 2}, {3, 4}})
	for _, row := range g {
		row[0] = -1
	}
	fmt.Println(g)

	fmt.Println(divide(7, 2))
	fmt.Println(divide(1, 0))

	inc, get := counterPair()
	inc()
	inc()
	fmt.Println(get())

	var fn func(int) string
	var ch chan<- string
	var mp map[string]*V
	fmt.Printf("%T %T %T %T %v %v %v\n", fn, ch, mp, &v, fn == nil, ch, mp)
	type T struct {
		F  func()
		C  chan int
		M  map[int]int
		P  *V
		S  []string
		Er error
	}
	fmt.Printf("%+v\n", T{})
	e1 := errors.New("x")
	e2 := errors.New("x")
	fmt.Println(e1 == e2, e1 == e1)
	fmt.Println(strings.Repeat("-", 3) + ">" + fmt.Sprint(3, 4) + fmt.Sprint("a", "b") + fmt.Sprint(1, "a", 2))
	var sh uint = 3
	fmt.Println(1<<sh, int8(1)<<6, uint8(1)<<7>>1, -8>>1)
	x := 10
	if x := 5; x > 3 {
		x++
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	arr := [3]int{1, 2, 3}
	sl := arr[:]
	sl[0] = 9
	fmt.Println(arr, len(sl), cap(sl[1:]))
	fmt.Printf("%5.1f|%-5d|%5s|%x|%o|%08.3f\n", 3.14159, 42, "ab", 3054, 8, 3.14159)
	fmt.Printf("%3c|%-4q|%U\n", 'A', 'B', 'C')
	fmt.Printf("%v %v\n", int64(-1<<63), uint64(1<<63))
	fmt.Println(7.0/2, float32(7)/2, 1e100, 123456.0, 1234567.0, 0.000123)
}
