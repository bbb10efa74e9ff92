package main

type T struct{ A int }

func main() {
	t := T{}
	t.Missing()
	_ = t.B
}
