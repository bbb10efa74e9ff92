package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	s := "Hello, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s), reverse(s))
	up, letters := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	fmt.Println(up, letters)
	var b byte = 'a'
	b += 2
	fmt.Println(b, string(b), string(rune(b)))
	fmt.Printf("%c %c %q %U\n", 'x', 0x4e16, '\n', '世')
	r := 'é'
	fmt.Println(r, utf8.RuneLen(r), string(unicode.ToUpper(r)))
	fmt.Println("\xff"[0], len("\u00e9"), "\u00e9")
}
