// The blog-era registry: a slice nobody locks. `close -a` ranges over the
// slice while each Close removes its entry from that same slice.
package main

import (
	"context"
	"fmt"
	"time"
)

type ListenerInfo struct {
	Protocol string
	cancel   func()
	Registry *ListenerRegistry
}

type ListenerRegistry struct {
	Listeners []*ListenerInfo
}

func (c *ListenerRegistry) Register(l *ListenerInfo) {
	c.Listeners = append(c.Listeners, l)
}

func (c *ListenerRegistry) Deregister(proto string) {
	for i, a := range c.Listeners {
		if a.Protocol == proto {
			c.Listeners = append(c.Listeners[:i], c.Listeners[i+1:]...)
			return
		}
	}
}

func (c *ListenerInfo) Close() {
	c.cancel()
	c.Registry.Deregister(c.Protocol)
}

func acceptStreams(ctx context.Context, conCh chan int) {
	select {
	case <-conCh:
	case <-ctx.Done():
	}
}

func main() {
	reg := &ListenerRegistry{}
	for _, p := range []string{"/x/a", "/x/b", "/x/c"} {
		ctx, cancel := context.WithCancel(context.Background())
		go acceptStreams(ctx, make(chan int))
		reg.Register(&ListenerInfo{Protocol: p, cancel: cancel, Registry: reg})
	}
	time.Sleep(100 * time.Microsecond)

	// p2p close -a, blog-era
	for _, l := range reg.Listeners {
		l.Close()
	}
	time.Sleep(100 * time.Microsecond)
	fmt.Println("still registered:", len(reg.Listeners), reg.Listeners[0].Protocol)
}
