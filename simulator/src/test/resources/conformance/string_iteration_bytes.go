package main

import "fmt"

func isPalindrome(s string) bool {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}
	return true
}

func caesar(s string, k int) string {
	out := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c = 'a' + (c-'a'+byte(k))%26
		}
		out[i] = c
	}
	return string(out)
}

func main() {
	fmt.Println(isPalindrome("racecar"), isPalindrome("go"))
	fmt.Println(caesar("hello, world", 3), caesar(caesar("abcxyz", 3), 23))
	count := 0
	for i := 0; i < len("mississippi"); i++ {
		if "mississippi"[i] == 's' {
			count++
		}
	}
	fmt.Println(count)
}
