package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var m int32
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, 2)
			atomic.AddInt32(&m, 1)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), atomic.LoadInt32(&m))
	atomic.StoreInt64(&n, 5)
	fmt.Println(atomic.CompareAndSwapInt64(&n, 5, 6), atomic.CompareAndSwapInt64(&n, 5, 7), n)
	fmt.Println(atomic.CompareAndSwapInt32(&m, 100, -1), m)
}
