package main

import (
	"fmt"
	"strings"
)

type Level int

const (
	Debug Level = iota + 1
	Info
	Warn
)

var levelNames = [...]string{"", "DEBUG", "INFO", "WARN"}

func (l Level) String() string {
	if l < Debug || l > Warn {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

type Entry struct {
	Lvl  Level
	Msg  string
	Tags map[string]string
	Next *Entry
}

type Logger struct {
	prefix  string
	entries []Entry
	min     Level
}

func (lg *Logger) Log(l Level, format string, args ...interface{}) {
	if l < lg.min {
		return
	}
	lg.entries = append(lg.entries, Entry{Lvl: l, Msg: lg.prefix + fmt.Sprintf(format, args...)})
}

func main() {
	lg := &Logger{prefix: "[app] ", min: Info}
	lg.Log(Debug, "hidden %d", 1)
	lg.Log(Info, "started %s on port %d", "server", 8080)
	lg.Log(Warn, "disk %.1f%% full", 93.456)
	for i, e := range lg.entries {
		fmt.Printf("%d %-5v %s\n", i, e.Lvl, e.Msg)
	}
	fmt.Println(Level(9), Warn)
	e := Entry{Lvl: Info, Msg: "m", Tags: map[string]string{"b": "2", "a": "1"}}
	fmt.Printf("%v\n%+v\n", e, e)
	fmt.Printf("%s|%q|%v|%d\n", Warn, Warn, Warn, Warn)
	fmt.Printf("%8.3s|%-8s|%08d|%+5d|%x|%X|%#x|%#o|%b\n", "abcdef", "ab", -42, 7, "Go", []byte{1, 171}, 255, 8, -5)
	fmt.Printf("%t %v %5t|\n", true, false, true)
	fmt.Printf("%e %E %.2e %g %G\n", 123456.789, 0.000123, 1.0, 1e-7, 2.5e10)
	fmt.Printf("%6.2f%%|%-10.4v|%10v|\n", 12.3456, 3.14159265, "right")
	fmt.Printf("%c%c%c %U\n", 72, 105, 0x263A, 0x263A)
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("go!")
	fmt.Println(sb.String())
	type point struct{ X, Y int }
	pts := map[point]string{{1, 2}: "a", {0, 0}: "origin", {1, -1}: "b"}
	fmt.Println(pts)
	ptrs := []*point{{1, 2}, nil}
	fmt.Println(len(ptrs), ptrs[1] == nil, *ptrs[0])
	fmt.Printf("%v %+v\n", struct {
		A *int
		B []string
	}{nil, []string{"x"}}, struct{ C, D bool }{true, false})
	fmt.Println(fmt.Sprintf("%3d|%-3d|%03d", 5, 5, 5), fmt.Sprint(nil), fmt.Sprint([]interface{}{nil}))
	fmt.Printf("%v %v %v\n", int8(-128), uint16(65535), 'x')
	fmt.Printf("%5.1f|%-7.2f|%07.2f\n", -2.25, 3.14159, -1.5)
	fmt.Printf("%x %X %o\n", -1, uint8(200), 64)
	fmt.Printf("%q\n", []string{"a\tb", "c\"d"})
	fmt.Printf("%v|%s\n", fmt.Errorf("wrapped: %w", fmt.Errorf("inner")), error(nil))
}
