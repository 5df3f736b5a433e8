package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Decode reads one JSON document as the reference scorer does: numbers
// keep their literal form, so that 2004 and 2004.0 stay apart.
func Decode(data []byte) (Obj, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var o Obj
	if err := dec.Decode(&o); err != nil {
		return nil, err
	}
	return o, nil
}

// DecodePrediction reads a prediction file: one JSON object, or JSON Lines
// of which the first line is taken (as the reference scorer does).
func DecodePrediction(data []byte) (Obj, error) {
	raw := bytes.TrimSpace(data)
	if bytes.HasPrefix(raw, []byte("{")) && bytes.Contains(raw, []byte("\n{")) {
		raw, _, _ = bytes.Cut(raw, []byte("\n"))
	}
	return Decode(raw)
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func objects(v any) []Obj {
	var out []Obj
	for _, x := range list(v) {
		o, _ := x.(Obj)
		if o == nil {
			o = Obj{}
		}
		out = append(out, o)
	}
	return out
}

// str reads a string value; anything else reads as "".
func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) float64 {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case float64:
		return x
	case int:
		return float64(x)
	case bool:
		if x {
			return 1
		}
	}
	return 0
}

// equal compares two JSON values as Python's == does for them.
func equal(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	_, an := a.(json.Number)
	_, bn := b.(json.Number)
	if an || bn {
		_, ab := a.(bool)
		_, bb := b.(bool)
		if (an || ab) && (bn || bb) {
			return num(a) == num(b)
		}
		return false
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case Obj:
		y, ok := b.(Obj)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, has := y[k]
			if !has || !equal(v, w) {
				return false
			}
		}
		return true
	}
	return false
}

// pyStr renders a JSON value as Python's str() renders the decoded value.
func pyStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case json.Number:
		s := string(x)
		if !strings.ContainsAny(s, ".eE") {
			if i, err := strconv.ParseInt(s, 10, 64); err == nil {
				return strconv.FormatInt(i, 10)
			}
			return s
		}
		f, _ := x.Float64()
		return pyFloat(f)
	}
	return fmt.Sprint(v)
}

func containsStr(s, sub string) bool { return strings.Contains(s, sub) }

// pyFloat formats f as Python's repr does: the shortest string that reads
// back as f, in fixed notation for exponents from -4 to 15, with ".0" on
// whole numbers.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // shortest digits, d.ddde±xx
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		mant, ex, _ := strings.Cut(e, "e")
		sign := ex[0]
		digits := strings.TrimLeft(ex[1:], "0")
		if len(digits) < 2 {
			digits = strings.Repeat("0", 2-len(digits)) + digits
		}
		return mant + "e" + string(sign) + digits
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// MarshalPython writes scores as the reference scorer's
// json.dumps(scores, sort_keys=True) does.
func (s Scores) MarshalPython() []byte {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteString(": ")
		b.WriteString(formatValue(s[k]))
	}
	b.WriteByte('}')
	return b.Bytes()
}

func formatValue(v any) string {
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x)
	case float64:
		return pyFloat(x)
	}
	return pyStr(v)
}
