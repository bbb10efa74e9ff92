package main

func two() (int, int) { return 1, 2 }

func main() {
	a, b, c := two()
	_, _, _ = a, b, c
	x := two()
	_ = x
}
