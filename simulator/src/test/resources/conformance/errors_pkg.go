package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type MyErr struct {
	Code int
}

func (e *MyErr) Error() string { return fmt.Sprintf("myerr %d", e.Code) }

func find(k string) error {
	if k == "x" {
		return fmt.Errorf("find %q: %w", k, ErrNotFound)
	}
	if k == "y" {
		return &MyErr{42}
	}
	return nil
}

func main() {
	e1 := find("x")
	fmt.Println(e1)
	fmt.Println(errors.Is(e1, ErrNotFound), errors.Is(e1, errors.New("not found")))
	fmt.Println(errors.Unwrap(e1) == ErrNotFound)
	e2 := find("y")
	fmt.Println(e2)
	if me, ok := e2.(*MyErr); ok {
		fmt.Println("code", me.Code)
	}
	fmt.Println(find("z") == nil, find("z"))
	var err error
	fmt.Printf("%v\n", err)
	wrapped := fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", ErrNotFound))
	fmt.Println(wrapped, errors.Is(wrapped, ErrNotFound))
}
