package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b uint8 = 0
	b--
	fmt.Println(b)
	var c int32 = 2147483647
	c += 10
	fmt.Println(c)
	var d uint32 = 1 << 31
	d *= 2
	fmt.Println(d)
	var e int64 = 9223372036854775807
	e++
	fmt.Println(e)
	var f uint64 = 0
	f--
	fmt.Println(f, f/3, f%7, f>>60)
	var g uint16 = 65535
	g += 2
	fmt.Println(g)
	var h int16 = -32768
	h = -h
	fmt.Println(h)
	var i uint = 10
	fmt.Println(i - 11 > 0)
	var bt byte = 200
	fmt.Println(bt+100, bt*2)
}
