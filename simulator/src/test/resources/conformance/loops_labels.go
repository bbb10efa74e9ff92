package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue
		}
		sum += i
	}
	fmt.Println(sum)
	n := 0
	for n < 5 {
		n++
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k > 3 {
			break
		}
	}
	fmt.Println(k)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	for i := range [3]int{} {
		fmt.Print(i)
	}
	fmt.Println()
	for range []string{"a", "b"} {
		fmt.Print("x")
	}
	fmt.Println()
	var i int
	for i = 0; i < 3; i++ {
	}
	fmt.Println(i)
}
