// kubo's p2p listener in miniature: streams arrive from the network, the
// swarm starts one handler goroutine per stream, and the handler hands the
// stream to the accept loop over conCh. Closing the listener cancels its
// context; Accept returns and the accept loop exits.
// (The full code, blog-era and fixed, is p2pdemo/src/main/go/p2p/.)
package main

import (
	"context"
	"fmt"
	"time"

	"gmplab/sim"
)

type Stream struct{ id int }

// P2PListener turns the host's stream handler into something to Accept from.
type P2PListener struct {
	conCh  chan *Stream
	ctx    context.Context
	cancel func()
}

func (il *P2PListener) Accept() (*Stream, error) {
	select {
	case c := <-il.conCh:
		return c, nil
	case <-il.ctx.Done():
		return nil, il.ctx.Err()
	}
}

func (il *P2PListener) Close() error {
	il.cancel()
	return nil
}

// handler is the stream handler registered with the host: libp2p runs it in
// a new goroutine for each incoming stream.
func handler(list *P2PListener, s *Stream) {
	select {
	case list.conCh <- s:
	case <-list.ctx.Done():
		fmt.Println("reset stream", s.id)
	}
}

// swarm is the connection's accept loop: it waits for the network in the
// netpoller, then starts a handler goroutine for the new stream.
func swarm(list *P2PListener, n int) {
	for i := 1; i <= n; i++ {
		sim.NetWait(100 * time.Microsecond)
		go handler(list, &Stream{id: i})
	}
}

func acceptStreams(list *P2PListener, done chan bool) {
	for {
		s, err := list.Accept()
		if err != nil {
			fmt.Println("accept loop exits:", err)
			done <- true
			return
		}
		fmt.Println("accepted stream", s.id)
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	list := &P2PListener{conCh: make(chan *Stream), ctx: ctx, cancel: cancel}
	done := make(chan bool)
	go acceptStreams(list, done)
	go swarm(list, 3)
	time.Sleep(1 * time.Millisecond)
	list.Close()
	<-done
}
