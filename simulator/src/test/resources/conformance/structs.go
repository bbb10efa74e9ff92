package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

func (r Rect) Area() int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func (r *Rect) Grow(d int) {
	r.Max.X += d
	r.Max.Y += d
}

func main() {
	r := Rect{Point{0, 0}, Point{2, 3}, "r1"}
	fmt.Println(r, r.Area())
	r.Grow(1)
	fmt.Println(r, r.Area())
	fmt.Printf("%v|%+v|%T\n", r, r, r)
	q := r
	q.Min.X = -1
	fmt.Println(r.Min, q.Min)
	p := &r
	p.Name = "renamed"
	p.Grow(2)
	fmt.Println(r.Name, r.Max, (*p).Area())
	var z Rect
	fmt.Printf("%+v\n", z)
	fmt.Println(Point{1, 2} == Point{1, 2}, Point{1, 2} == Point{2, 1})
	anon := struct {
		A int
		B string
	}{3, "x"}
	fmt.Println(anon, anon.B)
	pts := []Point{{1, 2}, {3, 4}}
	for i := range pts {
		pts[i].X *= 10
	}
	fmt.Println(pts)
	for _, pt := range pts {
		pt.Y = 0
	}
	fmt.Println(pts)
}
