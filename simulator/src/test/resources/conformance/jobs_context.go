package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type Job struct {
	ID   int
	Cost time.Duration
}

type Result struct {
	JobID int
	Out   string
	Err   error
}

var ErrTooSlow = errors.New("too slow")

func process(ctx context.Context, j Job) Result {
	select {
	case <-time.After(j.Cost):
		return Result{JobID: j.ID, Out: strings.Repeat("*", j.ID)}
	case <-ctx.Done():
		return Result{JobID: j.ID, Err: fmt.Errorf("job %d: %w", j.ID, ErrTooSlow)}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 35*time.Millisecond)
	defer cancel()
	jobs := []Job{{1, 10 * time.Millisecond}, {2, 50 * time.Millisecond}, {3, 20 * time.Millisecond}, {4, 100 * time.Millisecond}}
	results := make(chan Result)
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j Job) {
			defer wg.Done()
			results <- process(ctx, j)
		}(j)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].JobID < all[j].JobID })
	for _, r := range all {
		if r.Err != nil {
			fmt.Println(r.JobID, "error:", r.Err, errors.Is(r.Err, ErrTooSlow))
		} else {
			fmt.Println(r.JobID, "ok:", r.Out)
		}
	}
	fmt.Println(ctx.Err())

	var once sync.Once
	var mu sync.Mutex
	count := 0
	var wg2 sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			once.Do(func() { fmt.Println("once") })
			mu.Lock()
			count++
			mu.Unlock()
		}()
	}
	wg2.Wait()
	fmt.Println("count", count)

	timer := time.NewTimer(5 * time.Millisecond)
	<-timer.C
	fmt.Println("timer fired")
	tk := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks", n)

	sem := make(chan int, 2)
	out := make([]int, 6)
	var wg3 sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg3.Add(1)
		go func(i int) {
			defer wg3.Done()
			sem <- 1
			out[i] = i * i
			<-sem
		}(i)
	}
	wg3.Wait()
	fmt.Println(out)
	done := make(chan struct{})
	data := make(chan int)
	go func() {
		defer close(done)
		sum := 0
		for v := range data {
			sum += v
		}
		fmt.Println("sum", sum)
	}()
	for i := 1; i <= 10; i++ {
		data <- i
	}
	close(data)
	<-done
}
