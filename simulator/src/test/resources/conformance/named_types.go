package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

type Set map[string]bool

func (s Set) Add(k string) { s[k] = true }

type Counter int

func (c *Counter) Inc() { *c++ }

func main() {
	c := Celsius(100)
	fmt.Println(CToF(c), CToF(-40))
	fmt.Printf("%T %v\n", c, c)
	l := IntList{1, 2, 3}
	l = append(l, 4)
	fmt.Println(l.Sum(), len(l), l)
	s := Set{}
	s.Add("a")
	s.Add("b")
	fmt.Println(len(s), s)
	var n Counter
	n.Inc()
	n.Inc()
	fmt.Println(n)
}
