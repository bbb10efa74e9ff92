package main

import (
	"fmt"
	"sort"
)

func producer(id int, n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- fmt.Sprintf("p%d-%d", id, i)
		}
	}()
	return out
}

func merge(cs ...<-chan string) <-chan string {
	out := make(chan string)
	done := make(chan bool)
	for _, c := range cs {
		go func(c <-chan string) {
			for v := range c {
				out <- v
			}
			done <- true
		}(c)
	}
	go func() {
		for range cs {
			<-done
		}
		close(out)
	}()
	return out
}

func main() {
	var all []string
	for v := range merge(producer(1, 3), producer(2, 2), producer(3, 1)) {
		all = append(all, v)
	}
	sort.Strings(all)
	fmt.Println(len(all), all)
}
