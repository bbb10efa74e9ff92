package main

func main() {
	arr := [3]int{1, 2, 3}
	_ = arr[5]
	s := "abc"
	s[0] = 'x'
	m := map[string]int{}
	_ = m[1]
}
