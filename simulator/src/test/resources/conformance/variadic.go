package main

import "fmt"

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func prefix(p string, xs ...string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, p+x)
	}
	return out
}

func count(xs ...interface{}) int { return len(xs) }

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	fmt.Println(prefix("-", "a", "b"), len(prefix("x")))
	fmt.Println(count(1, "a", nil, 2.5), count())
}
