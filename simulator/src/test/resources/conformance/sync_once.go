package main

import (
	"fmt"
	"sync"
)

var once sync.Once
var config map[string]string

func load() {
	fmt.Println("loading")
	config = map[string]string{"k": "v"}
}

func get(k string) string {
	once.Do(load)
	return config[k]
}

func main() {
	fmt.Println(get("k"))
	fmt.Println(get("k"))
	var rw sync.RWMutex
	rw.RLock()
	v := get("missing")
	rw.RUnlock()
	rw.Lock()
	fmt.Printf("%q\n", v)
	rw.Unlock()
}
