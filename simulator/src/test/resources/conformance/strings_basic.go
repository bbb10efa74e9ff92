package main

import "fmt"

func main() {
	s := "hello, world"
	fmt.Println(len(s), s[0], s[7:], s[:5], s[2:4])
	t := s + "!"
	fmt.Println(t, t == "hello, world!", t < "help", "abc" > "abd")
	u := "héllo"
	fmt.Println(len(u), u[1], string(u[0]))
	for i, r := range "aé😀z" {
		fmt.Println(i, r, string(r))
	}
	b := []byte("abc")
	b[0] = 'X'
	fmt.Println(string(b), b)
	r := []rune("héllo")
	fmt.Println(len(r), string(r[1]), r)
	fmt.Println(string(rune(65)), string(rune(0x4e16)))
	raw := `a\nb`
	fmt.Println(raw, len(raw))
	fmt.Println("tab\tquote\"back\\slash")
}
