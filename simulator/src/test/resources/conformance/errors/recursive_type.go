package main

type Node struct {
	Val  int
	Next Node
}

type A struct{ b B }
type B struct{ a [2]A }

func main() {}
