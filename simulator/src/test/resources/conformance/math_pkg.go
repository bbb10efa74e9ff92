package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Abs(-3.5), math.Floor(2.7), math.Ceil(2.1))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Pow(2, 10))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32)
	fmt.Printf("%.4f %.4f\n", math.Pi, math.E)
	fmt.Println(math.Inf(1), math.Inf(-1), math.IsNaN(math.NaN()))
	var x uint8 = math.MaxUint8
	fmt.Println(x)
	fmt.Println(math.Trunc(-2.7), math.Round(2.5), math.Round(-2.5))
}
