package main

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type buf struct{ data []string }

func (b *buf) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}
func (b *buf) Write(s string) { b.data = append(b.data, s) }

type Plugin struct {
	Name string
	Run  func(int) int
}

type Cache struct {
	Reader
	hits int
}

func makeOps() (add func(int), total func() int) {
	sum := 0
	add = func(n int) { sum += n }
	total = func() int { return sum }
	return
}

func main() {
	var rw ReadWriter = &buf{}
	rw.Write("a")
	rw.Write("b")
	var r Reader = rw
	fmt.Println(r.Read(), rw.Read(), rw.Read() == "")
	plugins := []Plugin{
		{"double", func(x int) int { return 2 * x }},
		{"square", func(x int) int { return x * x }},
	}
	for _, p := range plugins {
		fmt.Println(p.Name, p.Run(7))
	}
	c := Cache{Reader: &buf{data: []string{"cached"}}}
	fmt.Println(c.Read(), c.hits)
	add, total := makeOps()
	for i := 1; i <= 4; i++ {
		add(i)
	}
	fmt.Println(total())
	d := 2*time.Second + 500*time.Millisecond
	fmt.Println(d, d/2, d*3, time.Duration(1.5*float64(time.Second)), d.Round(time.Second), d.Truncate(time.Second))
	const timeout = 300 * time.Millisecond
	fmt.Printf("%v %T %d\n", timeout, timeout, timeout/time.Millisecond)
	results := func() (out []string) {
		for i := 0; i < 3; i++ {
			defer func(i int) { out = append(out, fmt.Sprint("d", i)) }(i)
		}
		return []string{"start"}
	}()
	fmt.Println(results)
	words := strings.Fields("b a c b a b")
	freq := map[string]int{}
	for _, w := range words {
		freq[w]++
	}
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range freq {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v || kvs[i].v == kvs[j].v && kvs[i].k < kvs[j].k })
	fmt.Println(kvs)
	var iface interface{} = kvs[0]
	switch v := iface.(type) {
	case kv:
		fmt.Println("kv", v.k)
	}
	matrix := [3][3]int{}
	for i := range matrix {
		for j := range matrix[i] {
			matrix[i][j] = i * j
		}
	}
	fmt.Println(matrix, len(matrix[0]))
	x := 5
	p := &x
	pp := &p
	**pp = 6
	fmt.Println(x, *p == **pp)
	type Celsius float64
	temps := []Celsius{20.5, -3, 37}
	sort.Slice(temps, func(i, j int) bool { return temps[i] < temps[j] })
	fmt.Println(temps, fmt.Sprintf("%.1f", float64(temps[0])))
}
