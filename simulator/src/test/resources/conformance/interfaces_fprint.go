package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

type Shape interface {
	Area() float64
}

type Sq struct{ S float64 }
type Ci struct{ R float64 }

func (s Sq) Area() float64  { return s.S * s.S }
func (c Ci) Area() float64  { return 3 * c.R * c.R }
func (c Ci) String() string { return "Ci(" + strconv.FormatFloat(c.R, 'f', 1, 64) + ")" }

type byArea []Shape

func (b byArea) Len() int           { return len(b) }
func (b byArea) Less(i, j int) bool { return b[i].Area() < b[j].Area() }
func (b byArea) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type Tree map[string]Tree

func (t Tree) Print(indent int) {
	keys := []string{}
	for k := range t {
		keys = append(keys, k)
	}
	for i := 0; i < len(keys); i++ {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	for _, k := range keys {
		fmt.Println(strings.Repeat("  ", indent) + k)
		t[k].Print(indent + 1)
	}
}

func main() {
	shapes := byArea{Sq{3}, Ci{1}, Sq{1}, Ci{2}}
	for i := 1; i < shapes.Len(); i++ {
		for j := i; j > 0 && shapes.Less(j, j-1); j-- {
			shapes.Swap(j, j-1)
		}
	}
	for _, s := range shapes {
		fmt.Printf("%v %.1f\n", s, s.Area())
	}
	t := Tree{"a": Tree{"c": nil, "b": Tree{"d": nil}}, "e": nil}
	t.Print(0)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d-%s", 1, "x")
	fmt.Fprintln(os.Stdout, sb.String(), sb.Len())
	fmt.Fprintln(os.Stderr, "to stderr")
	type pair struct {
		k string
		v int
	}
	ps := []pair{{"a", 1}, {"b", 2}}
	lookup := make(map[string]*pair)
	for i := range ps {
		lookup[ps[i].k] = &ps[i]
	}
	lookup["a"].v = 10
	fmt.Println(ps)
	matrix := [][]string{{"a", "b"}, {"c"}}
	for _, row := range matrix {
		fmt.Println(strings.Join(row, ","), len(row))
	}
	var ifs []interface{}
	ifs = append(ifs, 1, "two", 3.0, []int{4}, map[string]int{"five": 5}, nil, Sq{6}, &Sq{7})
	fmt.Println(ifs...)
	fmt.Printf("%v|%d|%s\n", ifs[:2], []int{1, 2}, []string{"x", "y"})
	n, err := strconv.Atoi("-42")
	fmt.Println(n, err, strconv.Itoa(n*2))
	os.Exit(func() int { fmt.Println("computing exit"); return 0 }())
}
