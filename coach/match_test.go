package coach_test

import (
	"slices"
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

func names(people []coach.Person) []string {
	var out []string
	for _, p := range people {
		out = append(out, p.Name)
	}
	return out
}

// A slip of the keyboard finds who was meant, so it can be offered instead
// of adding someone new.
func TestCloseNames(t *testing.T) {
	people := []coach.Person{
		{ID: "1", Name: "Siân Ŵyn"},
		{ID: "2", Name: "Aled Jones"},
		{ID: "3", Name: "Ann"},
		{ID: "4", Name: "Anna Jones"},
		{ID: "5", Name: "Joanne Ann"},
		{ID: "6", Name: "Gwenllïan ap Rhys"},
	}
	for _, tt := range []struct {
		typed string
		want  []string
	}{
		{"sain", []string{"Siân Ŵyn"}},     // two letters swapped
		{"SAIN WYN", []string{"Siân Ŵyn"}}, // in the whole name
		{"sian wn", []string{"Siân Ŵyn"}},
		{"sin", []string{"Siân Ŵyn"}},
		{"gwenlian", []string{"Gwenllïan ap Rhys"}},
		{"gwenllian ap rhis", []string{"Gwenllïan ap Rhys"}},
		{"jones", []string{"Aled Jones", "Anna Jones"}},
		{"jnoes", []string{"Aled Jones", "Anna Jones"}},
		{"ann", []string{"Ann", "Anna Jones", "Joanne Ann"}},
		{"Bethan", nil},
		{"xyz", nil},
		{"al", []string{"Aled Jones"}}, // too short for slips: only a start
		{"", nil},
		{"s\x00", nil},
	} {
		if got := names(coach.CloseNames(people, tt.typed)); !slices.Equal(got, tt.want) {
			t.Errorf("CloseNames(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// Commands that destroy match the whole name only: never a prefix, a word
// or a near spelling.
func TestExactName(t *testing.T) {
	people := []coach.Person{{ID: "1", Name: "Ann"}, {ID: "2", Name: "Anna Jones"}, {ID: "3", Name: "Joanne Ann"}, {ID: "4", Name: "Siân Ŵyn"}}
	for _, tt := range []struct {
		typed, id, err string
	}{
		{"ann", "1", ""},
		{"  ANN ", "1", ""},
		{"anna jones", "2", ""},
		{"sian  wyn", "4", ""},
		{"Jones", "", ""},
		{"anna", "", ""},
		{"sian", "", ""},
		{"", "", "a name is needed"},
	} {
		p, found, err := coach.ExactName(people, tt.typed)
		if (tt.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tt.err) || found != (tt.id != "") || p.ID != tt.id {
			t.Errorf("ExactName(%q) = %q, %v, %v; want %q, error %q", tt.typed, p.ID, found, err, tt.id, tt.err)
		}
	}
	// Once Ann is gone, "ann" is no one: never Joanne Ann.
	if p, found, err := coach.ExactName(people[1:], "ann"); found || err != nil {
		t.Errorf("without Ann, ExactName(ann) = %v, %v, %v", p, found, err)
	}
	// Two people whose names fold alike are never chosen between.
	twins := []coach.Person{{ID: "1", Name: "Siân Ŵyn"}, {ID: "2", Name: "Sian Wyn"}}
	for _, f := range []func([]coach.Person, string) (coach.Person, bool, error){coach.ExactName, coach.ResolveName} {
		if _, found, err := f(twins, "sian wyn"); found || err == nil || !strings.Contains(err.Error(), "Siân Ŵyn or Sian Wyn") {
			t.Errorf("two alike: found %v, err %v", found, err)
		}
	}
}

// FoldedNameMatches finds words in place as strings.Fields splits them.
func TestFoldedNameMatchesAsFields(t *testing.T) {
	ref := func(name, q string) bool {
		match := strings.HasPrefix(name, q)
		for _, w := range strings.Fields(name) {
			match = match || strings.HasPrefix(w, q)
		}
		return match
	}
	names := []string{"", " ", "ann", "ann jones", " ann  jones ", "ann\u00a0jones", "ann\u2003jones\u0085smith", "siân ŵyn-ellis",
		"mary o'brien", "a b c", "jones smith", "ann jones smith", "\xffann \xffjones", "ann\tjo\nnes"}
	qs := []string{"", "a", "ann", "ann ", "ann j", "jo", "jones", "jones s", "jones smith", "smith", "ŵyn", "ŵyn-", "o'b", "nes",
		"\xffj", "b c", "c", " ", "s", "jo\nnes", "x"}
	for _, n := range names {
		for _, q := range qs {
			if got, want := coach.FoldedNameMatches(n, q), ref(n, q); got != want {
				t.Errorf("FoldedNameMatches(%q, %q) = %v, want %v", n, q, got, want)
			}
		}
	}
	if n := testing.AllocsPerRun(100, func() { coach.FoldedNameMatches("ann jones smith", "smi") }); n != 0 {
		t.Errorf("%v allocations a call", n)
	}
}
