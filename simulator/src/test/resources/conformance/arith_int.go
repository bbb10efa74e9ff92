package main

import "fmt"

func main() {
	a, b := 17, 5
	fmt.Println(a+b, a-b, a*b, a/b, a%b)
	fmt.Println(-a/b, -a%b, a/-b, a%-b)
	fmt.Println(a&b, a|b, a^b, a&^b, a<<3, a>>1, -a>>1)
	x := 1
	x += 4
	x *= 3
	x -= 1
	x /= 2
	x %= 5
	x <<= 4
	x |= 3
	x &= 0x3c
	x ^= 0xff
	fmt.Println(x)
	x++
	x--
	x++
	fmt.Println(x, ^x, -x)
}
