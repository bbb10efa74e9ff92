package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	xs := []int{5, 2, 8, 1, 9}
	sort.Ints(xs)
	fmt.Println(xs)
	ss := []string{"pear", "apple", "fig"}
	sort.Strings(ss)
	fmt.Println(ss)
	people := []Person{{"Al", 30}, {"Bo", 25}, {"Cy", 35}, {"Di", 25}}
	sort.Slice(people, func(i, j int) bool {
		if people[i].Age != people[j].Age {
			return people[i].Age < people[j].Age
		}
		return people[i].Name < people[j].Name
	})
	fmt.Println(people)
	fs := []float64{2.5, -1, 3}
	sort.Float64s(fs)
	fmt.Println(fs)
}
