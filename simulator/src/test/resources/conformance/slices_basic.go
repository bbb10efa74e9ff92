package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s, len(s), cap(s), s == nil)
	for i := 0; i < 10; i++ {
		s = append(s, i*i)
		fmt.Print(len(s), ":", cap(s), " ")
	}
	fmt.Println()
	fmt.Println(s[2:5], s[:3], s[7:], len(s[2:5]), cap(s[2:5]))
	t := s[1:3:4]
	fmt.Println(t, len(t), cap(t))
	u := make([]string, 3, 10)
	u[1] = "mid"
	fmt.Printf("%q %d %d\n", u, len(u), cap(u))
	m := make([]int, 3)
	n := copy(m, s)
	fmt.Println(n, m)
	a := []int{1, 2, 3}
	b := a
	b[0] = 100
	fmt.Println(a, b)
	c := append(a[:1], 9)
	fmt.Println(a, c)
	d := append([]int{}, a...)
	d[1] = -1
	fmt.Println(a, d)
	e := append(s[:2], s[5:]...)
	fmt.Println(e)
	grid := [][]int{{1, 2}, {3, 4, 5}}
	grid[1] = append(grid[1], 6)
	fmt.Println(grid, len(grid[1]))
	var bs []byte
	bs = append(bs, "hello"...)
	fmt.Println(bs, string(bs))
}
