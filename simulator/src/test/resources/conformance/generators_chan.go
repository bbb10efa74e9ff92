package main

import "fmt"

func fibGen(n int) <-chan int {
	ch := make(chan int)
	go func() {
		a, b := 0, 1
		for i := 0; i < n; i++ {
			ch <- a
			a, b = b, a+b
		}
		close(ch)
	}()
	return ch
}

func primes(limit int) []int {
	sieve := make([]bool, limit+1)
	var ps []int
	for i := 2; i <= limit; i++ {
		if !sieve[i] {
			ps = append(ps, i)
			for j := i * i; j <= limit; j += i {
				sieve[j] = true
			}
		}
	}
	return ps
}

func main() {
	for v := range fibGen(12) {
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(primes(50))
}
