package main

import "fmt"

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * j
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan int, 10)
	go worker(1, jobs, results)
	for i := 1; i <= 5; i++ {
		jobs <- i
	}
	close(jobs)
	sum := 0
	for i := 0; i < 5; i++ {
		sum += <-results
	}
	fmt.Println("sum", sum)
}
