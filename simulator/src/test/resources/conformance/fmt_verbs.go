package main

import "fmt"

type P struct {
	Name string
	Age  int
}

func main() {
	fmt.Printf("%d|%5d|%-5d|%05d|%x|%X|%o|%b|%c|%q|%U\n", 42, 42, 42, 42, 255, 255, 8, 5, 'G', 'G', 0x1F600)
	fmt.Printf("%s|%10s|%-10s|%q|%x|% x\n", "go", "go", "go", "go\n", "hi", "hi")
	fmt.Printf("%t|%v|%p\n", true, false, nil)
	fmt.Printf("%v|%+v|%#v\n", P{"Al", 3}, P{"Al", 3}, P{"Al", 3})
	fmt.Printf("%v|%v|%v\n", []string{"a", "b"}, map[string]int{"z": 1, "a": 2}, [2]bool{true, false})
	fmt.Printf("%T|%T|%T|%T|%T\n", 1, "s", 2.0, []int{}, map[string]bool{})
	fmt.Printf("%T|%T|%T\n", P{}, &P{}, struct{}{})
	fmt.Printf("%v %v\n", &P{"B", 1}, []*int{nil})
	fmt.Printf("%6.2f|%-8.3f|%+d|%+.1f\n", 3.14159, 2.5, 5, 3.0)
	fmt.Printf("%%|%d%%\n", 50)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 4, 2)
	fmt.Printf("%.3s|%.10s\n", "abcdef", "ab")
	fmt.Printf("%x %X\n", []byte("az"), "az")
	fmt.Printf("%v %d\n", []byte("hi"), []byte("hi"))
	fmt.Printf("%s\n", []byte("bytes"))
	fmt.Printf("%08.3f|%x|%X\n", -3.14159, -255, 3000)
	var ip *int
	fmt.Printf("%v %v\n", ip, nil)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil))
	fmt.Print("x", 1, "\n")
	fmt.Print(1, 2, "\n")
	s := fmt.Sprintln("end", 1)
	fmt.Print(s)
}
