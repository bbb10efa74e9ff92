package main

import "fmt"

func main() {
	x := 3.0
	y := 0.1 + 0.2
	fmt.Println(x, y, x/2, 1e6, 1e21, 1.5e-7, 123456789.0, 100000.0)
	fmt.Println(float32(0.1), float64(float32(0.1)))
	var z float64 = 7
	fmt.Println(z/2, int(z/2), int(-z/2), float64(7)/2)
	fmt.Printf("%f %.2f %8.3f %-8.1f| %e %g %.3g\n", 3.14159, 2.675, 1.0, 2.25, 1234.5678, 0.000012, 1234.5678)
	fmt.Println(1.0/3.0, 2.0/3.0, 100.0/7.0)
	var zero float64
	fmt.Println(1/zero > 1e308, -1/zero < 0)
}
