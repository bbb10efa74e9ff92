package main

import "fmt"

type Matrix [][]float64

func NewMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func (a Matrix) Mul(b Matrix) Matrix {
	out := NewMatrix(len(a), len(b[0]))
	for i := range a {
		for j := range b[0] {
			for k := range b {
				out[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return out
}

func main() {
	a := Matrix{{1, 2}, {3, 4}}
	b := Matrix{{0.5, 0}, {0, 2}}
	fmt.Println(a.Mul(b))
	id := NewMatrix(3, 3)
	for i := 0; i < 3; i++ {
		id[i][i] = 1
	}
	fmt.Println(id)
}
