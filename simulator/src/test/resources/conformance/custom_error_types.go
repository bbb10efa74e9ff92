package main

import (
	"fmt"
	"strconv"
)

type ParseError struct {
	Line int
	Msg  string
}

func (e ParseError) Error() string {
	return "line " + strconv.Itoa(e.Line) + ": " + e.Msg
}

func parse(lines []string) (sum int, err error) {
	for i, l := range lines {
		n, err := strconv.Atoi(l)
		if err != nil {
			return 0, ParseError{i + 1, err.Error()}
		}
		sum += n
	}
	return sum, nil
}

func main() {
	fmt.Println(parse([]string{"1", "2", "3"}))
	_, err := parse([]string{"4", "x5"})
	fmt.Println(err)
	if pe, ok := err.(ParseError); ok {
		fmt.Println("at line", pe.Line)
	}
	fmt.Printf("%v|%s|%T\n", err, err, err)
}
