package main

import (
	"fmt"
	"sync"
)

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("%d:%s", b.ID, b.Name) }
func (b *Base) Rename(n string) { b.Name = n }

type Derived struct {
	Base
	Extra int
}

type SafeCounter struct {
	sync.Mutex
	m map[string]int
}

func (c *SafeCounter) Inc(k string) {
	c.Lock()
	defer c.Unlock()
	c.m[k]++
}

type Deep struct {
	*Derived
	Level int
}

func main() {
	d := Derived{Base{1, "one"}, 5}
	fmt.Println(d.ID, d.Name, d.Describe(), d.Base.ID)
	d.Rename("uno")
	d.ID = 10
	fmt.Println(d.Describe(), d)
	fmt.Printf("%+v\n", d)
	c := SafeCounter{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("k")
		}()
	}
	wg.Wait()
	fmt.Println(c.m)
	dp := &Deep{&d, 2}
	fmt.Println(dp.Name, dp.Describe(), dp.Extra)
	dp.Rename("eins")
	fmt.Println(d.Name)
	f := d.Describe
	fmt.Println(f())
}

type Named interface{ Describe() string }

func init() {
	var n Named = Derived{Base{7, "seven"}, 0}
	fmt.Println(n.Describe())
	var m Named = &Deep{&Derived{Base{8, "eight"}, 1}, 0}
	fmt.Println(m.Describe())
	fmt.Println(fmt.Sprint(struct{ Base }{Base{9, "x"}}))
}
