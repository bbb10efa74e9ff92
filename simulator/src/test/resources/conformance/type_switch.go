package main

import "fmt"

type Celsius float64

type Stringer interface{ String() string }

type Named struct{ N string }

func (n Named) String() string { return "Named(" + n.N + ")" }

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x+1)
	case string, []byte:
		return fmt.Sprintf("text %v", x)
	case Celsius:
		return fmt.Sprintf("temp %.1f", float64(x))
	case Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	vals := []interface{}{nil, 1, "s", []byte("b"), Celsius(21.5), Named{"x"}, fmt.Errorf("e"), 2.5, []int{1}}
	for _, v := range vals {
		fmt.Println(classify(v))
	}
	switch v := interface{}(3).(type) {
	case int, int64:
		fmt.Printf("%T %v\n", v, v)
	}
}
