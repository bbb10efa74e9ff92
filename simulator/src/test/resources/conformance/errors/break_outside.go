package main

func main() {
	break
	if true {
		continue
	}
}
