// contextcancel: 3 workers loop (10 ms sleeps) until their context is done.
// The context times out after 55 ms; its timer closes ctx.Done(), and
// closechan readies every worker parked in select.
// Output is deterministic: each worker's stop reason, printed in worker order.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, out *string, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			*out = fmt.Sprintf("worker %d stopped: %v", id, ctx.Err())
			return
		case <-time.After(10 * time.Millisecond):
			// one unit of (sleeping) work
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 55*time.Millisecond)
	defer cancel()
	var wg sync.WaitGroup
	res := make([]string, 3)
	for i := range res {
		wg.Add(1)
		go worker(ctx, i, &res[i], &wg)
	}
	wg.Wait()
	for _, r := range res {
		fmt.Println(r)
	}
}
