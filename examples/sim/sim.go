// Package sim provides the three "kinds of waiting" that GMP Lab models, in
// real Go, so the same example programs can run on the real Go 1.19 runtime
// and in the simulator:
//
//	sim.Work(d)    – burn CPU for d (the G stays _Grunning; only preemption stops it)
//	sim.Syscall(d) – a real blocking system call lasting d (the M is blocked in
//	                 the kernel; the P goes to _Psyscall and may be retaken)
//	sim.NetWait(d) – a read on a loopback TCP socket whose peer writes after d
//	                 (the G parks in the netpoller, "IO wait"; no M is held)
package sim

import (
	"net"
	"sync"
	"syscall"
	"time"
)

// ---------------------------------------------------------------------------
// Work
//
// Design choice: the hot loop is calibrated ONCE (iterations per nanosecond)
// and then runs a fixed number of iterations of pure integer arithmetic with
// NO function calls inside it. A loop without calls has no function prologue,
// so the cooperative preemption check (stackguard0 == stackPreempt) can never
// fire inside it: the only way the runtime can preempt it is async
// preemption (SIGURG, preemptone → preemptM). With GODEBUG=asyncpreemptoff=1
// a Work(d) call therefore runs to completion.
//
// The alternative (checking time.Since every N iterations) was rejected
// because time.Now is a function call, i.e. a cooperative preemption point,
// which would let the scheduler preempt Work even with asyncpreemptoff=1.
//
// Consequence: Work(d) burns d of *CPU time*; if the goroutine is preempted
// or the OS deschedules the thread, the wall-clock time is longer than d.
// ---------------------------------------------------------------------------

var (
	calibrateOnce sync.Once
	itersPerNs    float64 // loop iterations per nanosecond of CPU
	sink          uint64  // keeps the loop result alive (no dead-code removal)
)

// spin runs n iterations of a xorshift step. No calls, no allocation.
func spin(n int64) uint64 {
	x := uint64(88172645463325252)
	for i := int64(0); i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// Calibrate measures the speed of spin. It runs automatically on the first
// Work call; programs that time things call it in main before spawning
// goroutines so that calibration is not part of the measurement.
// It takes about 5 × 10 ms and keeps the fastest trial (the one least
// disturbed by other load on the machine).
func Calibrate() {
	calibrateOnce.Do(func() {
		const n = 1 << 22
		best := time.Duration(1 << 62)
		for trial := 0; trial < 5; trial++ {
			t0 := time.Now()
			sink += spin(n)
			if el := time.Since(t0); el < best {
				best = el
			}
		}
		itersPerNs = float64(n) / float64(best.Nanoseconds())
	})
}

// Work burns CPU for about d, in a call-free loop (see above).
func Work(d time.Duration) {
	Calibrate()
	sink += spin(int64(float64(d.Nanoseconds()) * itersPerNs))
}

// ---------------------------------------------------------------------------
// Syscall
//
// syscall.Nanosleep goes through syscall.Syscall, i.e. entersyscall /
// exitsyscall: the G is _Gsyscall and its M sleeps in the kernel. It is NOT
// time.Sleep (which parks the G on a timer and frees the M). A signal (e.g.
// SIGURG sent for preemption of another G on this thread) may interrupt the
// call with EINTR; we then sleep for the remaining time.
// ---------------------------------------------------------------------------

// Syscall blocks the calling goroutine *and its thread* in nanosleep(2) for d.
func Syscall(d time.Duration) {
	ts := syscall.NsecToTimespec(d.Nanoseconds())
	for {
		var left syscall.Timespec
		err := syscall.Nanosleep(&ts, &left)
		if err != syscall.EINTR {
			return
		}
		ts = left
	}
}

// ---------------------------------------------------------------------------
// NetWait
//
// One loopback listener is shared by all calls. Each call dials it, accepts
// a server-side connection, arms time.AfterFunc(d, write one byte + close)
// and reads one byte from the client side. The read finds no data, so the G
// parks in the netpoller (waitreason "IO wait") and holds no M. The writer
// is a timer callback: it runs as a short-lived goroutine when the timer
// fires, so no goroutine or thread is held for the writer while waiting.
//
// With many concurrent calls, Accept may return a connection dialed by
// another caller; that is harmless: every connection gets exactly one
// delayed write.
// ---------------------------------------------------------------------------

var (
	lnOnce sync.Once
	ln     net.Listener
)

func listener() net.Listener {
	lnOnce.Do(func() {
		var err error
		ln, err = net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			panic(err)
		}
	})
	return ln
}

// NetWait parks the calling goroutine in the netpoller for about d.
func NetWait(d time.Duration) {
	l := listener()
	client, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		panic(err)
	}
	defer client.Close()
	server, err := l.Accept()
	if err != nil {
		panic(err)
	}
	time.AfterFunc(d, func() {
		server.Write([]byte{1})
		server.Close()
	})
	var b [1]byte
	if _, err := client.Read(b[:]); err != nil {
		panic(err)
	}
}
