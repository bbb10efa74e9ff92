package main

import "fmt"

type resource struct{ name string }

func open(name string) *resource {
	fmt.Println("open", name)
	return &resource{name}
}

func (r *resource) Close() { fmt.Println("close", r.name) }

func process(fail bool) (err error) {
	a := open("a")
	defer a.Close()
	b := open("b")
	defer b.Close()
	if fail {
		return fmt.Errorf("failed with %s and %s", a.name, b.name)
	}
	fmt.Println("processing")
	return nil
}

func main() {
	fmt.Println(process(false))
	fmt.Println(process(true))
}
