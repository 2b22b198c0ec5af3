package coach_test

import (
	"strings"
	"testing"

	"attend/coach"
)

func TestResolveName(t *testing.T) {
	people := []coach.Person{
		{ID: "1", Name: "Siân Ŵyn"},
		{ID: "2", Name: "Aled Jones"},
		{ID: "3", Name: "Sian Roberts"},
		{ID: "4", Name: "Alun"},
		{ID: "5", Name: "Al"},
		{ID: "6", Name: "Gwenllïan ap Rhys 🙂"},
	}
	tests := []struct {
		typed string
		id    string // "" when nobody is found
		err   string // in the error, "" for none
	}{
		{"Siân Ŵyn", "1", ""},
		{"  sian   wyn ", "1", ""}, // cleaned, folded
		{"SIAN W", "1", ""},        // a prefix of the whole name
		{"wyn", "1", ""},           // a word of it
		{"rob", "3", ""},
		{"jones", "2", ""},
		{"ale", "2", ""},
		{"alun", "4", ""},
		{"al", "5", ""}, // a whole name wins over prefixes of others
		{"gwenllian", "6", ""},
		{"rhys", "6", ""},
		{"sian", "", `could be Siân Ŵyn or Sian Roberts`},
		{"a", "", "could be"},
		{"Bethan", "", ""}, // somebody new
		{"wynne", "", ""},
		{"", "", "a name is needed"},
		{"Siân\x00", "", "control"},
	}
	for _, tt := range tests {
		p, found, err := coach.ResolveName(people, tt.typed)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ResolveName(%q) error = %v, want it to mention %q", tt.typed, err, tt.err)
		case tt.err == "" && err != nil:
			t.Errorf("ResolveName(%q): %v", tt.typed, err)
		case found != (tt.id != "") || p.ID != tt.id:
			t.Errorf("ResolveName(%q) = %q (found %v), want %q", tt.typed, p.ID, found, tt.id)
		}
	}
	if _, found, err := coach.ResolveName(nil, "anyone"); found || err != nil {
		t.Errorf("with nobody: found %v, err %v", found, err)
	}
}
