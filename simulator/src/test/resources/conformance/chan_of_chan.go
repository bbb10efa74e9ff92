package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * r.n
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	for i := 1; i <= 3; i++ {
		rep := make(chan int)
		reqs <- request{i, rep}
		fmt.Println(i, "->", <-rep)
	}
	close(reqs)
}
