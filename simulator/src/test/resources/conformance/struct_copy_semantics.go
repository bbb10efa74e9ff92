package main

import "fmt"

type Inner struct{ V [2]int }
type Outer struct {
	In  Inner
	Ptr *Inner
}

func mutate(o Outer) {
	o.In.V[0] = 100
	o.Ptr.V[0] = 100
}

func main() {
	shared := &Inner{}
	o := Outer{Inner{[2]int{1, 2}}, shared}
	mutate(o)
	fmt.Println(o.In.V, o.Ptr.V, shared.V)
	o2 := o
	o2.In.V[1] = -1
	fmt.Println(o.In.V, o2.In.V)
	arr := [2]Inner{}
	arr[0].V[0] = 5
	b := arr
	b[0].V[0] = 6
	fmt.Println(arr[0].V[0], b[0].V[0])
	m := map[string]Inner{"a": {}}
	tmp := m["a"]
	tmp.V[0] = 9
	fmt.Println(m["a"].V, tmp.V)
	m["a"] = tmp
	fmt.Println(m["a"].V)
	s := []Inner{{}}
	p := &s[0]
	p.V[1] = 3
	fmt.Println(s[0].V)
	var iface interface{} = o.In
	o.In.V[0] = 55
	fmt.Println(iface, o.In)
}
