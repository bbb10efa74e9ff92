package main

import "fmt"

func trySend(ch chan int, v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	ch <- v
	return nil
}

func main() {
	ch := make(chan int, 1)
	fmt.Println(trySend(ch, 1))
	close(ch)
	fmt.Println(trySend(ch, 2))
	fmt.Println(<-ch)
	fmt.Println(<-ch)
}
