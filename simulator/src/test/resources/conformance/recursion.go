package main

import "fmt"

func fact(n uint64) uint64 {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func hanoi(n int, from, to, via string, moves *int) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves)
	*moves++
	hanoi(n-1, via, to, from, moves)
}

func ackermann(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ackermann(m-1, 1)
	}
	return ackermann(m-1, ackermann(m, n-1))
}

func permutations(s []int) [][]int {
	if len(s) <= 1 {
		return [][]int{append([]int{}, s...)}
	}
	var out [][]int
	for i := range s {
		rest := append(append([]int{}, s[:i]...), s[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]int{s[i]}, p...))
		}
	}
	return out
}

func main() {
	fmt.Println(fact(20), fact(21))
	moves := 0
	hanoi(10, "a", "c", "b", &moves)
	fmt.Println(moves)
	fmt.Println(ackermann(2, 3))
	fmt.Println(permutations([]int{1, 2, 3}))
}
