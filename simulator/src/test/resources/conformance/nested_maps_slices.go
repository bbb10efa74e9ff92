package main

import (
	"fmt"
	"sort"
)

func main() {
	graph := map[string][]string{
		"a": {"b", "c"},
		"b": {"d"},
		"c": {"d", "e"},
		"d": {},
		"e": {"a"},
	}
	visited := map[string]bool{}
	var order []string
	var dfs func(n string)
	dfs = func(n string) {
		if visited[n] {
			return
		}
		visited[n] = true
		order = append(order, n)
		next := append([]string{}, graph[n]...)
		sort.Strings(next)
		for _, m := range next {
			dfs(m)
		}
	}
	dfs("a")
	fmt.Println(order)
	byLen := map[int][]string{}
	for _, w := range []string{"go", "java", "c", "rust", "zig"} {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	fmt.Println(byLen)
}
