package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch, len(ch))
	ch <- "c"
	ch <- "d"
	close(ch)
	for s := range ch {
		fmt.Print(s)
	}
	fmt.Println()
	v, ok := <-ch
	fmt.Printf("%q %v\n", v, ok)
	var nilch chan int
	fmt.Println(nilch == nil, len(nilch))
	done := make(chan struct{})
	go func() {
		close(done)
	}()
	<-done
	fmt.Println("done")
}
