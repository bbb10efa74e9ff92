package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	defer func() {
		fmt.Println("recovered:", recover())
		t := s[1:2]
		fmt.Println(t[:2], cap(t))
		fmt.Println(s[:5])
	}()
	i := 2
	fmt.Println(s[i:1])
}
