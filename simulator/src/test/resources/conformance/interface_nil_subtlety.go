package main

import "fmt"

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil)
	fmt.Printf("%T\n", err)
	var e2 error
	fmt.Println(e2 == nil)
	err = mayFail(true)
	fmt.Println(err)
}
