package main

import "fmt"

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func (p Perm) String() string {
	s := ""
	for i, c := range "rwx" {
		if p&(1<<uint(i)) != 0 {
			s += string(c)
		} else {
			s += "-"
		}
	}
	return s
}

func main() {
	p := Read | Exec
	fmt.Println(p, Read, Write|Exec, Perm(7))
	p |= Write
	p &^= Read
	fmt.Println(p, uint8(p))
	fmt.Printf("%d %v %s\n", p, p, p)
}
