package main

import (
	"fmt"
	"sync"
	"time"
)

type Store struct {
	mu   sync.RWMutex
	data map[string]int
}

func (s *Store) Get(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	time.Sleep(10 * time.Millisecond)
	return s.data[k]
}

func (s *Store) Set(k string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[k] = v
}

func main() {
	s := &Store{data: map[string]int{"a": 1}}
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Get("a")
		}()
	}
	wg.Wait()
	el := time.Since(start)
	fmt.Println("5 concurrent readers took < 20ms:", el < 20*time.Millisecond)
	s.Set("a", 2)
	fmt.Println(s.Get("a"))
	s.mu.RLock()
	s.mu.RLock()
	s.mu.RUnlock()
	s.mu.RUnlock()
	done := make(chan bool)
	s.mu.RLock()
	go func() {
		s.Set("b", 3)
		done <- true
	}()
	time.Sleep(5 * time.Millisecond)
	fmt.Println("writer waits for reader:", len(done) == 0)
	s.mu.RUnlock()
	<-done
	fmt.Println(s.data["b"])
}
