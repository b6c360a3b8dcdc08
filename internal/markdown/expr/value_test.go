package expr

import (
	"encoding/json"
	"math"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{1, "1"},
		{-1, "-1"},
		{1.5, "1.5"},
		{100, "100"},
		{0.1, "0.1"},
		{1.0 / 3, "0.3333333333333333"},
		{1e20, "100000000000000000000"},
		{123456789012345680000, "123456789012345680000"},
		{1e21, "1e+21"},
		{-1e21, "-1e+21"},
		{1.5e300, "1.5e+300"},
		{1 << 53, "9007199254740992"},
		{1 << 60, "1152921504606847000"},
		{1e-6, "0.000001"},
		{1.5e-6, "0.0000015"},
		{1e-7, "1e-7"},
		{-1.5e-7, "-1.5e-7"},
		{5e-324, "5e-324"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "Infinity"},
		{math.Inf(-1), "-Infinity"},
	} {
		if got := formatNumber(tc.in); got != tc.want {
			t.Errorf("formatNumber(%v): got %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestStringToNumber(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"", 0},
		{"  ", 0},
		{" 42 ", 42},
		{"\u00a0 7 \n", 7},
		{"4.5e1", 45},
		{".5", 0.5},
		{"5.", 5},
		{"+1", 1},
		{"-1", -1},
		{"-0.5", -0.5},
		{"0x1F", 31},
		{"0b101", 5},
		{"0o17", 15},
		{"0xFFFFFFFFFFFFFFFFFF", 0xFFFFFFFFFFFFFFFFFF},
		{"Infinity", math.Inf(1)},
		{"-Infinity", math.Inf(-1)},
		{"1e1000", math.Inf(1)},
		{".", nan},
		{"-0x1", nan},
		{"0x", nan},
		{"0xg", nan},
		{"inf", nan},
		{"NaN", nan},
		{"1_000", nan},
		{"1e", nan},
		{"1 2", nan},
		{"abc", nan},
	} {
		got := stringToNumber(tc.in)
		if got != tc.want && !(got != got && tc.want != tc.want) {
			t.Errorf("stringToNumber(%q): got %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestTruthy(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   any
		want bool
	}{
		{nil, false},
		{false, false},
		{true, true},
		{0.0, false},
		{math.Copysign(0, -1), false},
		{math.NaN(), false},
		{-1, true},
		{"", false},
		{"0", true},
		{"false", true},
		{map[string]any{}, true},
		{[]any{}, true},
		{Value{}, false},
	} {
		if got := ValueOf(tc.in).Truthy(); got != tc.want {
			t.Errorf("ValueOf(%#v).Truthy(): got %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestValueOf(t *testing.T) {
	t.Parallel()
	type label string
	s := "pointed"
	var nilPtr *string
	for _, tc := range []struct {
		name string
		in   any
		kind Kind
		want string
	}{
		{"nil", nil, Null, ""},
		{"string", "x", String, "x"},
		{"int", 42, Number, "42"},
		{"int8", int8(-8), Number, "-8"},
		{"uint64", uint64(1 << 63), Number, "9223372036854776000"},
		{"float32", float32(0.5), Number, "0.5"},
		{"json number", json.Number("12.50"), Number, "12.5"},
		{"bad json number", json.Number("x"), String, "x"},
		{"named string", label("l"), String, "l"},
		{"map of ints", map[string]int{"a": 1}, Object, "[object Object]"},
		{"map of non-string keys", map[int]any{1: 1}, Undefined, ""},
		{"string slice", []string{"a", "b"}, Array, "a,b"},
		{"float slice", []float64{1.5, 2}, Array, "1.5,2"},
		{"go array", [2]any{"a", true}, Array, "a,true"},
		{"pointer", &s, String, "pointed"},
		{"nil pointer", nilPtr, Null, ""},
		{"struct", struct{ A int }{1}, Undefined, ""},
		{"function", func() {}, Undefined, ""},
		{"value", ValueOf("v"), String, "v"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v := ValueOf(tc.in)
			if v.Kind() != tc.kind || v.String() != tc.want {
				t.Errorf("got %v %q, want %v %q", v.Kind(), v.String(), tc.kind, tc.want)
			}
		})
	}
}

func TestReflectedContainers(t *testing.T) {
	t.Parallel()
	scope := map[string]any{
		"m":    map[string]int{"a": 1},
		"l":    []float64{1.5, 2},
		"deep": map[string][]map[string]string{"x": {{"y": "z"}}},
	}
	for _, tc := range []struct{ in, want string }{
		{"m.a + 1", "2"},
		{"m.b", ""},
		{"l[1] * 2", "4"},
		{"l.length", "2"},
		{"l.includes(2)", "true"},
		{"deep.x[0].y", "z"},
		{"deep.x.length", "1"},
	} {
		e, err := Parse(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Eval(scope).String(); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestValueInterface(t *testing.T) {
	t.Parallel()
	m := map[string]any{"a": 1}
	for _, tc := range []struct {
		v    Value
		want any
	}{
		{Value{}, nil},
		{ValueOf(nil), nil},
		{ValueOf(true), true},
		{ValueOf(2), 2.0},
		{ValueOf("s"), "s"},
	} {
		if got := tc.v.Interface(); got != tc.want {
			t.Errorf("got %#v, want %#v", got, tc.want)
		}
	}
	if got, ok := ValueOf(m).Interface().(map[string]any); !ok || got["a"] != 1 {
		t.Errorf("got %#v, want the map", ValueOf(m).Interface())
	}
	if Kind(99).String() != "invalid" || Array.String() != "array" {
		t.Errorf("got kind names %q %q", Kind(99), Array)
	}
}
