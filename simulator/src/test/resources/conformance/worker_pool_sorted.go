package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct {
	job, worker, value int
}

func main() {
	jobs := make(chan int, 20)
	results := make(chan result, 20)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := range jobs {
				results <- result{j, id, j * 10}
			}
		}(w)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	var vals []int
	for r := range results {
		vals = append(vals, r.value)
	}
	sort.Ints(vals)
	fmt.Println(vals)
}
