// workerpool: 3 workers take 9 jobs from a channel and send results back.
//
// runtime.GOMAXPROCS(1) makes the interleaving reproducible on the real
// runtime (remove it to see a different assignment of jobs to workers on
// each run). With one P: the workers are readied into runnext by channel
// operations and run in the order the scheduler rules dictate.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- fmt.Sprintf("worker %d did job %d -> %d", id, j, j*j)
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	jobs := make(chan int, 9)
	results := make(chan string, 9)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
