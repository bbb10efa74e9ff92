// The fix: check and register under one lock (kubo's Listeners.Register).
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"gmplab/sim"
)

type Listeners struct {
	lk        sync.Mutex
	Listeners map[string]bool
}

func (r *Listeners) Register(proto string) error {
	r.lk.Lock()
	defer r.lk.Unlock()
	if r.Listeners[proto] {
		return errors.New("listener already registered")
	}
	sim.Work(20 * time.Microsecond) // set up the stream handler
	r.Listeners[proto] = true
	return nil
}

func main() {
	reg := &Listeners{Listeners: map[string]bool{}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := reg.Register("/x/echo/1.0.0"); err != nil {
				fmt.Println(err)
			}
		}()
	}
	wg.Wait()
	fmt.Println("listeners:", len(reg.Listeners))
}
