package main

import (
	"fmt"
	"strings"
)

type Builder struct {
	parts []string
	sep   string
}

func NewBuilder() *Builder { return &Builder{sep: " "} }

func (b *Builder) Add(s string) *Builder {
	b.parts = append(b.parts, s)
	return b
}

func (b *Builder) Sep(s string) *Builder {
	b.sep = s
	return b
}

func (b *Builder) Build() string { return strings.Join(b.parts, b.sep) }

func main() {
	fmt.Println(NewBuilder().Add("a").Add("b").Sep("-").Add("c").Build())
}
