package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("empty")
	}
	ch <- 7
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("empty")
	}
	select {
	case ch <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	select {
	case ch <- 2:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	select {
	case v, ok := <-ch:
		fmt.Println("closed recv", v, ok)
	}
	var nilch chan int
	select {
	case <-nilch:
		fmt.Println("impossible")
	default:
		fmt.Println("nil channel never ready")
	}
}
