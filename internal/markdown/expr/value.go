package expr

import (
	"encoding/json"
	"reflect"
)

// Kind is the JavaScript type of a Value.
type Kind uint8

// The kinds of Value. Object and Array are both JavaScript objects; they are
// told apart because arrays have a length and join.
const (
	Undefined Kind = iota
	Null
	Bool
	Number
	String
	Object
	Array
)

var kindNames = [...]string{"undefined", "null", "boolean", "number", "string", "object", "array"}

// String returns the kind's name, as typeof would say it except that null
// and arrays get their own names.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Value is the result of evaluating an expression: a JavaScript value. The
// zero Value is undefined. Objects and arrays refer to the maps and slices of
// the scope; they are never copied or changed.
type Value struct {
	kind Kind
	b    bool
	n    float64
	s    string
	ref  any // the map of an Object or the slice of an Array
}

var (
	undefined = Value{}
	null      = Value{kind: Null}
)

func boolValue(b bool) Value      { return Value{kind: Bool, b: b} }
func numValue(n float64) Value    { return Value{kind: Number, n: n} }
func stringValue(s string) Value  { return Value{kind: String, s: s} }
func (v Value) isNullish() bool   { return v.kind <= Null }
func (v Value) isObjectish() bool { return v.kind >= Object }

// maxPointers bounds how many pointers ValueOf follows, so that a pointer to
// itself cannot loop.
const maxPointers = 8

// ValueOf converts a Go value, as a YAML or JSON decoder gives it, to a
// Value: nil is null; bool, string and every integer and float type are
// booleans, strings and numbers; json.Number is a number; a map with string
// keys is an object and a slice or array is an array (map[string]any and
// []any are the fast cases). Named types of those kinds convert too, and
// non-nil pointers and interfaces are followed. Other types (structs,
// functions, channels, complex numbers) are undefined. A Value converts to
// itself.
func ValueOf(x any) Value {
	switch v := x.(type) {
	case nil:
		return null
	case Value:
		return v
	case string:
		return stringValue(v)
	case bool:
		return boolValue(v)
	case float64:
		return numValue(v)
	case int:
		return numValue(float64(v))
	case map[string]any:
		return Value{kind: Object, ref: v}
	case []any:
		return Value{kind: Array, ref: v}
	case json.Number:
		if f, err := v.Float64(); err == nil {
			return numValue(f)
		}
		return stringValue(string(v))
	}
	return reflectValue(reflect.ValueOf(x), 0)
}

// reflectValue is ValueOf for the types without a fast case.
func reflectValue(rv reflect.Value, pointers int) Value {
	switch rv.Kind() {
	case reflect.Bool:
		return boolValue(rv.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return numValue(float64(rv.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return numValue(float64(rv.Uint()))
	case reflect.Float32, reflect.Float64:
		return numValue(rv.Float())
	case reflect.String:
		return stringValue(rv.String())
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String || !rv.CanInterface() {
			return undefined
		}
		return Value{kind: Object, ref: rv.Interface()}
	case reflect.Slice, reflect.Array:
		if !rv.CanInterface() {
			return undefined
		}
		return Value{kind: Array, ref: rv.Interface()}
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return null
		}
		if pointers >= maxPointers {
			return undefined
		}
		e := rv.Elem()
		if e.Kind() == reflect.Interface || e.Kind() == reflect.Pointer || !e.CanInterface() {
			return reflectValue(e, pointers+1)
		}
		return ValueOf(e.Interface())
	}
	return undefined
}

// Kind returns the value's JavaScript type.
func (v Value) Kind() Kind { return v.kind }

// Interface returns the value as Go sees it: nil for undefined and null, a
// bool, a float64, a string, or the map or slice an object or array refers
// to.
func (v Value) Interface() any {
	switch v.kind {
	case Bool:
		return v.b
	case Number:
		return v.n
	case String:
		return v.s
	case Object, Array:
		return v.ref
	}
	return nil
}

// String returns the value as GitBook prints it in a page: "" for undefined
// and null, true or false, numbers as JavaScript writes them (2, not 2.0;
// 1e+21; NaN), strings as they are, arrays as their elements joined with
// commas, and objects as "[object Object]".
func (v Value) String() string {
	if v.isNullish() {
		return ""
	}
	return toString(v)
}

// Truthy reports whether JavaScript treats the value as true: everything but
// undefined, null, false, 0, -0, NaN and "".
func (v Value) Truthy() bool {
	switch v.kind {
	case Bool:
		return v.b
	case Number:
		return v.n != 0 && v.n == v.n
	case String:
		return v.s != ""
	case Object, Array:
		return true
	}
	return false
}

// get returns the property key of v: an object's entry, an array's element
// or length, a string's length or code unit. Anything else, and every
// property of undefined and null, is undefined.
func (v Value) get(key string) Value {
	switch v.kind {
	case Object:
		return objectGet(v.ref, key)
	case Array:
		if key == "length" {
			return numValue(float64(arrayLen(v.ref)))
		}
		if i, ok := arrayIndex(key); ok {
			return arrayAt(v.ref, i)
		}
	case String:
		if key == "length" {
			return numValue(float64(utf16Len(v.s)))
		}
		if i, ok := arrayIndex(key); ok {
			return charAt(v.s, i)
		}
	}
	return undefined
}

// index returns v[k], with k converted to a property key.
func (v Value) index(k Value) Value {
	if k.kind == Number && (v.kind == Array || v.kind == String) {
		if k.n >= 0 && k.n < maxIndex && k.n == float64(int(k.n)) {
			if v.kind == Array {
				return arrayAt(v.ref, int(k.n))
			}
			return charAt(v.s, int(k.n))
		}
	}
	if v.kind == Undefined || v.kind == Null || v.kind == Bool || v.kind == Number {
		return undefined
	}
	return v.get(toString(k))
}

// maxIndex is one more than the largest array index, 2³²−2.
const maxIndex = 1<<32 - 1

// arrayIndex reports whether key is a canonical array index ("0", "12", not
// "012" or "1.0") and returns it.
func arrayIndex(key string) (int, bool) {
	if key == "" || len(key) > 10 || (key[0] == '0' && len(key) > 1) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n < maxIndex
}

// objectGet returns m[key] of a map with string keys.
func objectGet(ref any, key string) Value {
	if m, ok := ref.(map[string]any); ok {
		x, ok := m[key]
		if !ok {
			return undefined
		}
		return ValueOf(x)
	}
	if m, ok := ref.(map[string]string); ok {
		x, ok := m[key]
		if !ok {
			return undefined
		}
		return stringValue(x)
	}
	rv := reflect.ValueOf(ref)
	if rv.Kind() != reflect.Map {
		return undefined
	}
	kv := reflect.ValueOf(key).Convert(rv.Type().Key())
	x := rv.MapIndex(kv)
	if !x.IsValid() {
		return undefined
	}
	return reflectValue(x, 0)
}

// arrayLen returns the length of a slice or array.
func arrayLen(ref any) int {
	switch a := ref.(type) {
	case []any:
		return len(a)
	case []string:
		return len(a)
	}
	rv := reflect.ValueOf(ref)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return 0
	}
	return rv.Len()
}

// arrayAt returns element i of a slice or array, or undefined.
func arrayAt(ref any, i int) Value {
	switch a := ref.(type) {
	case []any:
		if i < 0 || i >= len(a) {
			return undefined
		}
		return ValueOf(a[i])
	case []string:
		if i < 0 || i >= len(a) {
			return undefined
		}
		return stringValue(a[i])
	}
	rv := reflect.ValueOf(ref)
	if (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array) || i < 0 || i >= rv.Len() {
		return undefined
	}
	return reflectValue(rv.Index(i), 0)
}

// sameObject reports whether two objects or two arrays are the same one, as
// JavaScript's === compares objects.
func sameObject(a, b Value) bool {
	if a.kind != b.kind {
		return false
	}
	ra, rb := reflect.ValueOf(a.ref), reflect.ValueOf(b.ref)
	if !ra.IsValid() || !rb.IsValid() || ra.Type() != rb.Type() {
		return false
	}
	switch ra.Kind() {
	case reflect.Map:
		return ra.UnsafePointer() == rb.UnsafePointer()
	case reflect.Slice:
		return ra.UnsafePointer() == rb.UnsafePointer() && ra.Len() == rb.Len()
	}
	return false
}
