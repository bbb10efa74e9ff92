package main

import (
	"fmt"
	"strconv"
)

func main() {
	s := strconv.Itoa(-45)
	fmt.Println(s, len(s))
	n, err := strconv.Atoi("123")
	fmt.Println(n, err)
	n, err = strconv.Atoi("12a")
	fmt.Println(n, err)
	_, err = strconv.Atoi("")
	fmt.Println(err)
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(255, 16), strconv.Quote("hi\n"))
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	f, err := strconv.ParseFloat("2.5", 64)
	fmt.Println(f, err)
}
