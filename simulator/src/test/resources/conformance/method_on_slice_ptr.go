package main

import "fmt"

type Ints []int

func (p *Ints) Append(v ...int) { *p = append(*p, v...) }
func (s Ints) Max() int {
	m := s[0]
	for _, v := range s[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

func main() {
	var xs Ints
	xs.Append(3, 9, 2)
	xs.Append(7)
	fmt.Println(xs, xs.Max(), len(xs))
	p := &xs
	p.Append(11)
	fmt.Println(p.Max(), *p)
}
