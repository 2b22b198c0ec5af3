package coach_test

import (
	"strings"
	"testing"

	"attend/coach"
)

func TestCleanName(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Siân Wyn", "Siân Wyn"},
		{"  Siân   Wyn  ", "Siân Wyn"},
		{"\tAled\nJones\r\n", "Aled Jones"},
		{"Dafydd\u00a0ap\u2003Gwilym", "Dafydd ap Gwilym"}, // no-break and em spaces
		{"Sia\u0302n", "Siân"},                             // decomposed: NFC-normalised
		{"W\u0302yn", "Ŵyn"},
		{"Ŷr Eos 🙂", "Ŷr Eos 🙂"},
		{"O'Brien-Llewellyn", "O'Brien-Llewellyn"},
		{strings.Repeat("ŵ", coach.MaxNameLen), strings.Repeat("ŵ", coach.MaxNameLen)},       // counted in characters, not bytes
		{strings.Repeat("w\u0302", coach.MaxNameLen), strings.Repeat("ŵ", coach.MaxNameLen)}, // counted after normalising
	}
	for _, tt := range tests {
		got, err := coach.CleanName(tt.in)
		if err != nil {
			t.Errorf("CleanName(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanNameRejects(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", "a name is needed"},
		{"   \t\n", "a name is needed"},
		{strings.Repeat("a", coach.MaxNameLen+1), "longer than 80"},
		{strings.Repeat("ŵ ", coach.MaxNameLen/2) + "x", "longer than 80"},
		{"Siân\x00Wyn", "control"},
		{"Siân\x1b[31mWyn", "control"},
		{"Siân\u0085Wyn\x07", "control"},
		{"Siân\u009bWyn", "control"},
		{"Si\xe2n", "UTF-8"},
	}
	for _, tt := range tests {
		got, err := coach.CleanName(tt.in)
		if err == nil {
			t.Errorf("CleanName(%q) = %q, want an error", tt.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CleanName(%q) error %q, want it to mention %q", tt.in, err, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Siân Ŵyn", "sian wyn"},
		{"SIÂN ŴYN", "sian wyn"},
		{"Sia\u0302n", "sian"},
		{"Ŷr Eos", "yr eos"},
		{"Gwenllïan", "gwenllian"},
		{"Siân 🙂", "sian 🙂"},
		{"👩🏽‍⚕️ Nurse", "👩🏽‍⚕ nurse"}, // emoji kept (only the variation selector, a mark, goes)
		{"", ""},
	}
	for _, tt := range tests {
		if got := coach.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Siân Wyn", "Siân Wyn", true},
		{"Siân Wyn", "sian  wyn", true},
		{"Sia\u0302n", "Siân", true},
		{" Ŵyn ", "wyn", true},
		{"Siân", "Sion", false},
		{"Siân Wyn", "Siân", false},
		{"", "", false}, // no name is nobody
		{"  ", "  ", false},
		{"Siân\x00", "Siân\x00", false},
	}
	for _, tt := range tests {
		if got := coach.SameName(tt.a, tt.b); got != tt.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := coach.SameName(tt.b, tt.a); got != tt.want {
			t.Errorf("SameName(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestWholeWordsOf(t *testing.T) {
	for _, tt := range []struct {
		name, typed string
		want        bool
	}{
		{"Siân Ŵyn", "sian", true},
		{"Siân Ŵyn", "WYN", true},
		{"Siân Ŵyn", "siân  ŵyn", true},
		{"Mary Ann Jones", "ann jones", true},
		{"Siân Ŵyn", "s", false},
		{"Siân Ŵyn", "sia", false},
		{"Siân Ŵyn", "wyn sian", false}, // in order
		{"Mary Ann Jones", "mary jones", false},
		{"Siân Ŵyn", "", false},
		{"Siân Ŵyn", "sian\x1b", false},
	} {
		if got := coach.WholeWordsOf(tt.name, tt.typed); got != tt.want {
			t.Errorf("WholeWordsOf(%q, %q) = %v, want %v", tt.name, tt.typed, got, tt.want)
		}
	}
}
