package main

import "fmt"

const Pi = 3.14159
const (
	A = iota
	B
	C
	_
	E
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const big = 1 << 100
const typed int64 = 5

func main() {
	fmt.Println(Pi, A, B, C, E)
	fmt.Println(KB, MB, GB)
	fmt.Println(Sunday, Tuesday)
	fmt.Printf("%T %T %T\n", Monday, typed, Pi)
	fmt.Println(big >> 98)
	const local = "s" + "t"
	fmt.Println(local, len(local))
	var f float64 = 1 / 2
	var g float64 = 1 / 2.0
	fmt.Println(f, g, 7/2, 7/2.0)
	const h = 'a' + 1
	fmt.Println(h, string(rune(h)))
}
