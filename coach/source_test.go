package coach_test

import (
	"regexp"
	"strings"
	"testing"

	"attend/coach"
	"attend/coach/msg"
)

func TestSourceTextReadsAsWords(t *testing.T) {
	for in, want := range map[string]string{
		"seed ~145-165 (empathising); seed ~740 (a sense of safety)": "Michael West on compassionate leadership: empathising; Michael West on compassionate leadership: a sense of safety",
		"seed ~617-623": "Michael West on compassionate leadership",
		"King's Fund ABC (autonomy); seed ~986-992":              "The King's Fund's ABC of core needs: autonomy; Michael West on compassionate leadership",
		"Wales principle 2 (staff set agendas), domain brief §1": "Welsh supervision principles: staff set agendas",
		"ICO, domain brief §4":                                   "the Information Commissioner's Office",
		"domain brief §5 (Welsh language)":                       "Welsh language",
		// Found in the trial: "…leadership: King's Fund: self-care" read
		// as two labels.
		"seed ~19 (King's Fund: self-care)": "Michael West on compassionate leadership (King's Fund): self-care",
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

// In Welsh a source says what it is about in Welsh: the English glosses of
// the prompt files are said from the catalogue; only the titles of
// publications stay as they are.
func TestSourceTextInWelsh(t *testing.T) {
	cy := msg.New("cy")
	english := regexp.MustCompile(`\b(listening|helping|empathising|workloads?|leadership|yourself|obstacles|present|dialogue|safety|agendas|language|guidance|review|stakeholders|mediation|development|autonomy|mistakes|overwhelmed|self-care|hierarchical)\b`)
	titles := regexp.MustCompile(`King's Fund, What is compassionate leadership\?|NHS England, Compassionate leadership in crisis|Supervising and appraising well|SCIE guide 50, Recording supervision`)
	g, err := coach.LoadGuide("cy")
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range g.Stages {
		for _, it := range st.Items {
			got := coach.SourceTextIn(it.Source, cy)
			if m := english.FindString(titles.ReplaceAllString(got, "")); m != "" {
				t.Errorf("%s: %q holds the English %q", it.ID, got, m)
			}
		}
	}
	if got := coach.SourceTextIn("seed ~93-101 (attending: listening with fascination)", cy); got != "Michael West ar arweinyddiaeth dosturiol: rhoi sylw: gwrando gyda chwilfrydedd" {
		t.Errorf("got %q", got)
	}
}
