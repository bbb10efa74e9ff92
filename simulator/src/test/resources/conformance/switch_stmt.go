package main

import "fmt"

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, n := range []int{95, 85, 50} {
		fmt.Print(grade(n), " ")
	}
	fmt.Println()
	for i := 0; i < 6; i++ {
		switch i {
		case 0:
			fmt.Println("zero")
		case 1, 2:
			fmt.Println("one or two")
		case 3:
			fmt.Println("three, falling")
			fallthrough
		case 4:
			fmt.Println("four")
		default:
			fmt.Println("default", i)
		}
	}
	switch x := 5; x * 2 {
	case 10:
		fmt.Println("ten")
	}
	s := "go"
	switch s {
	case "rust":
		fmt.Println("no")
	case "go":
		fmt.Println("yes")
		if true {
			break
		}
		fmt.Println("unreachable")
	}
}
