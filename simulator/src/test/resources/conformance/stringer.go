package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Pair struct {
	A, B Color
}

type Temp struct{ deg float64 }

func (t *Temp) String() string { return fmt.Sprintf("%.1f°", t.deg) }

func main() {
	fmt.Println(Red, Blue, Color(7))
	fmt.Printf("%v %s %d\n", Green, Green, Green)
	fmt.Println(Pair{Red, Blue})
	fmt.Println([]Color{Blue, Green})
	t := &Temp{36.6}
	fmt.Println(t)
	fmt.Println(*t)
	fmt.Println(map[Color]int{Blue: 2, Red: 0})
}
