package main

import "fmt"

func main() {
	m := map[string]int{"one": 1, "two": 2}
	m["three"] = 3
	fmt.Println(m, len(m))
	v, ok := m["two"]
	fmt.Println(v, ok)
	v, ok = m["four"]
	fmt.Println(v, ok)
	delete(m, "one")
	delete(m, "none")
	fmt.Println(m, m["missing"])
	var nm map[string]bool
	fmt.Println(nm, len(nm), nm["x"], nm == nil)
	counts := make(map[rune]int)
	for _, r := range "hello world" {
		counts[r]++
	}
	fmt.Println(counts)
	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	nested["b"] = append(nested["b"], 3)
	fmt.Println(nested)
	ik := map[int]string{3: "c", 1: "a", 2: "b", -5: "neg"}
	fmt.Println(ik)
	type key struct{ x, y int }
	pm := map[key]string{{1, 2}: "a", {0, 5}: "b"}
	fmt.Println(pm[key{1, 2}], len(pm))
	sum := 0
	for k, v := range ik {
		sum += k * len(v)
	}
	fmt.Println(sum)
	fmt.Println(map[bool]int{true: 1, false: 0})
}
