package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func named(x int) (sq, cube int) {
	sq = x * x
	cube = sq * x
	return
}

func safeDiv(a, b int) (int, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func pair() (string, int) { return "p", 2 }

func takes(s string, n int) string { return fmt.Sprint(s, n) }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(named(3))
	if v, err := safeDiv(1, 0); err != nil {
		fmt.Println("error:", err)
	} else {
		fmt.Println(v)
	}
	v, err := safeDiv(9, 3)
	fmt.Println(v, err)
	fmt.Println(takes(pair()))
	_, r2 := divmod(7, 2)
	fmt.Println(r2)
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	xs := []int{1, 2, 3}
	xs[0], xs[2] = xs[2], xs[0]
	fmt.Println(xs)
}
