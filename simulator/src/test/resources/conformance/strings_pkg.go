package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.Repeat("ab", 3))
	fmt.Println(strings.Join([]string{"a", "b", "c"}, "-"))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.HasPrefix("go", "golang"))
	parts := strings.Split("a,b,,c", ",")
	fmt.Println(len(parts), parts)
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Println(strings.Contains("seafood", "foo"), strings.Index("chicken", "ken"), strings.Index("x", "y"))
	fmt.Println(strings.ToUpper("Hello"), strings.ToLower("HeLLo"), strings.TrimSpace("  pad  "))
	fmt.Println(strings.Fields("  a b   c "), len(strings.Fields("   ")))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	fmt.Println(strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"), strings.Count("cheese", "e"))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		sb.WriteString("x")
		sb.WriteByte('y')
	}
	fmt.Println(sb.String(), sb.Len())
}
