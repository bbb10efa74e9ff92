package main

import "fmt"

type Animal interface {
	Sound() string
	Name() string
}

type Dog struct{ name string }
type Cat struct{ name string }

func (d Dog) Sound() string { return "woof" }
func (d Dog) Name() string  { return d.name }
func (c Cat) Sound() string { return "meow" }
func (c Cat) Name() string  { return c.name }

type Loud struct{ a Animal }

func (l Loud) Sound() string { return l.a.Sound() + "!!!" }
func (l Loud) Name() string  { return "loud " + l.a.Name() }

func main() {
	zoo := []Animal{Dog{"rex"}, Cat{"tom"}, Loud{Dog{"max"}}}
	for _, a := range zoo {
		fmt.Printf("%s says %s\n", a.Name(), a.Sound())
	}
	var a1, a2 Animal = Dog{"x"}, Dog{"x"}
	fmt.Println(a1 == a2, a1 == Animal(Cat{"x"}))
	m := map[Animal]int{Dog{"a"}: 1, Cat{"a"}: 2}
	fmt.Println(m[Dog{"a"}], m[Cat{"a"}], len(m))
}
