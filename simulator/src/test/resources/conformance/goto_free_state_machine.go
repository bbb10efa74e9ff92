package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Stopped
)

var names = map[State]string{Idle: "idle", Running: "running", Stopped: "stopped"}

func (s State) String() string { return names[s] }

func next(s State, ev string) State {
	switch s {
	case Idle:
		if ev == "start" {
			return Running
		}
	case Running:
		switch ev {
		case "stop":
			return Stopped
		case "pause":
			return Idle
		}
	}
	return s
}

func main() {
	s := Idle
	for _, ev := range []string{"stop", "start", "pause", "start", "stop", "start"} {
		s = next(s, ev)
		fmt.Printf("%-6s -> %v\n", ev, s)
	}
}
