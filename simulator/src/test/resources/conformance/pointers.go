package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) {
	*p++
}

func newInt(v int) *int {
	return &v
}

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	q := newInt(5)
	r := newInt(5)
	fmt.Println(*q, q == r, *q == *r)
	var head *Node
	for i := 3; i > 0; i-- {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	n := new(Node)
	n.Val = 7
	fmt.Println(n.Val, n.Next == nil)
	ip := new(int)
	*ip = 42
	fmt.Println(*ip)
	arr := []int{1, 2, 3}
	e := &arr[1]
	*e = 20
	fmt.Println(arr)
	s := struct{ A, B int }{1, 2}
	pb := &s.B
	*pb = 9
	fmt.Println(s)
	var np *Node
	fmt.Println(np == nil, np)
}
