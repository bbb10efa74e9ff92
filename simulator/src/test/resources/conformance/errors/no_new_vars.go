package main

func main() {
	a := 1
	a := 2
	_ = a
}
