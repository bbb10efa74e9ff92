package main

import (
	"errors"
	"fmt"
	"os"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Temporary interface{ Temporary() bool }

type netErr struct{}

func (netErr) Error() string   { return "net" }
func (netErr) Temporary() bool { return true }

func find(k string) error {
	return fmt.Errorf("lookup: %w", NotFound{k})
}

func main() {
	err := find("x")
	var nf NotFound
	if errors.As(err, &nf) {
		fmt.Println("as NotFound:", nf.Key)
	}
	var t Temporary
	fmt.Println(errors.As(err, &t))
	err2 := fmt.Errorf("wrap: %w", netErr{})
	if errors.As(err2, &t) {
		fmt.Println("temporary:", t.Temporary())
	}
	var pe *os.File
	_ = pe
	defer fmt.Println("done")
	func() {
		defer func() {
			r := recover()
			fmt.Println("r:", r)
			panic(fmt.Sprint("again: ", r))
		}()
		panic("first")
	}()
}
