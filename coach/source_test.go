package coach_test

import (
	"strings"
	"testing"

	"attend/coach"
)

func TestSourceTextReadsAsWords(t *testing.T) {
	for in, want := range map[string]string{
		"seed ~145-165 (empathising); seed ~740 (a sense of safety)": "Michael West on compassionate leadership: empathising; Michael West on compassionate leadership: a sense of safety",
		"seed ~617-623": "Michael West on compassionate leadership",
		"King's Fund ABC (autonomy); seed ~986-992":              "The King's Fund's ABC of core needs: autonomy; Michael West on compassionate leadership",
		"Wales principle 2 (staff set agendas), domain brief §1": "Welsh supervision principles: staff set agendas",
		"ICO, domain brief §4":                                   "the Information Commissioner's Office",
		"domain brief §5 (Welsh language)":                       "Welsh language",
	} {
		if got := coach.SourceText(in); got != want {
			t.Errorf("SourceText(%q) = %q, want %q", in, got, want)
		}
	}
	// Every prompt's source reads without the bookkeeping.
	g, err := coach.LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range g.Stages {
		for _, it := range st.Items {
			got := coach.SourceText(it.Source)
			if got == "" || strings.Contains(got, "seed") || strings.Contains(got, "§") {
				t.Errorf("%s: %q reads as %q", it.ID, it.Source, got)
			}
		}
	}
}
