package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }
func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Queue []string

func (q *Queue) Enqueue(s string) { *q = append(*q, s) }
func (q *Queue) Dequeue() string {
	v := (*q)[0]
	*q = (*q)[1:]
	return v
}

func main() {
	var s Stack
	for i := 0; i < 4; i++ {
		s.Push(i * 10)
	}
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	q := &Queue{}
	q.Enqueue("a")
	q.Enqueue("b")
	q.Enqueue("c")
	fmt.Println(q.Dequeue(), len(*q), *q)
}
