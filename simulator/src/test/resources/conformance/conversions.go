package main

import "fmt"

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f), int64(f*100), uint8(int(f)+254))
	i := 300
	big := 70000
	fmt.Println(uint8(i), int8(i), uint16(big), int32(int64(big)<<20+5))
	var u uint32 = 4000000000
	fmt.Println(int32(u), int64(u), float64(u))
	fmt.Println(float32(1)/3, float64(float32(1)/3))
	n := -1
	fmt.Println(uint64(n), uint32(n), uint(n)>>63)
	fmt.Println(string(rune(9731)), []byte("é"), string([]byte{72, 105}))
	x := 7
	y := float64(x) / 2
	fmt.Println(y, int(y))
	type MyInt int
	var m MyInt = MyInt(x) * 3
	fmt.Println(m, int(m)+1)
}
