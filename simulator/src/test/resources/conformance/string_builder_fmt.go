package main

import (
	"fmt"
	"strings"
)

func table(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-8s|%5s\n", r[0], r[1])
	}
	return b.String()
}

func main() {
	fmt.Print(table([][]string{{"name", "qty"}, {"apple", "3"}, {"kiwi", "12"}}))
	s := fmt.Sprintf("%03d-%s-%v", 7, "x", []int{1})
	fmt.Println(s, len(s))
	fmt.Println(strings.Repeat("=", 10))
}
