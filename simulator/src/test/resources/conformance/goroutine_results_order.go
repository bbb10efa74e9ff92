package main

import "fmt"

func compute(id int, out chan<- [2]int) {
	sum := 0
	for i := 0; i <= id*100; i++ {
		sum += i
	}
	out <- [2]int{id, sum}
}

func main() {
	out := make(chan [2]int)
	n := 5
	for i := 0; i < n; i++ {
		go compute(i, out)
	}
	results := make([]int, n)
	for i := 0; i < n; i++ {
		r := <-out
		results[r[0]] = r[1]
	}
	fmt.Println(results)
}
