package main

import "fmt"

func main() {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"a", 1},
		{"abc", 3},
	}
	for _, tt := range tests {
		got := len(tt.in)
		fmt.Printf("%q: got %d want %d ok=%v\n", tt.in, got, tt.want, got == tt.want)
	}
	point := struct{ X, Y int }{1, 2}
	pp := &point
	pp.X = 10
	fmt.Println(point)
}
