package main

import "os"

func main() {
	var p *int
	_ = *p
	os.Exit(0)
}
