package coach_test

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"attend/coach"
)

func TestSearchTerms(t *testing.T) {
	for q, want := range map[string][]string{
		"Siân":             {"sian"},
		"  sian   ŴYN ":    {"sian", "wyn"},
		"Mae'r rota'n":     {"mae", "r", "rota", "n"},
		"visit. visit, 🌧️": {"visit"},
		"Llŷr—Pen Llŷn":    {"llyr", "pen", "llyn"},
		"!!! …":            nil,
		"":                 nil,
		"café 2027-01-15":  {"cafe", "2027", "01", "15"},
		"Siân\u0301":       {"sian"}, // a stray combining mark is part of the word
		"Sia\u0302n":       {"sian"}, // decomposed (NFD) as typed on some systems
	} {
		if got := coach.SearchTerms(q); !slices.Equal(got, want) {
			t.Errorf("SearchTerms(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestSessionWordsFoldAndDedupe(t *testing.T) {
	s := coach.Session{
		Prep: map[string]coach.Answer{
			"b.two": {Text: "Siân siân SIAN"},
			"a.one": {Text: "Ŵyn yn y cae", Rating: 3},
		},
		Actions: []coach.Action{{Text: "Ffonio'r tîm", Status: coach.ActionDropped, Reason: "Dim angen"}},
		Record:  map[string]coach.Answer{"zz.said": {Text: "Cofnod"}},
		Addenda: []coach.Addendum{{Text: "Ôl-nodyn"}},
	}
	want := []string{"wyn", "yn", "y", "cae", "sian", "cofnod", "ffonio", "r", "tim", "dim", "angen", "ol", "nodyn"}
	for range 5 { // the same order every time, whatever the map's order
		if got := coach.SessionWords(s); !slices.Equal(got, want) {
			t.Fatalf("SessionWords = %q, want %q", got, want)
		}
	}
}

// TestSearchMatching is the rule every search follows: each query word
// starts a word of the text, ignoring case and accents both ways.
func TestSearchMatching(t *testing.T) {
	text := "Siân Ŵyn covered Llŷr's nights; mae'r ŵyn yn y cae. Café au lait."
	for _, tc := range []struct {
		q    string
		want []string // the words highlighted, as written
	}{
		{"sian", []string{"Siân"}},
		{"Siân", []string{"Siân"}},
		{"sia", []string{"Siân"}},
		{"SIÂ", []string{"Siân"}},
		{"wyn", []string{"Ŵyn", "ŵyn"}},
		{"ŵyn", []string{"Ŵyn", "ŵyn"}},
		{"llyr", []string{"Llŷr"}},
		{"cafe", []string{"Café"}},
		{"y", []string{"yn", "y"}},
		{"ian", nil}, // inside a word: no
		{"nights mae", []string{"nights", "mae"}},
	} {
		terms := coach.SearchTerms(tc.q)
		var got []string
		for _, sp := range coach.MatchSpans(text, terms) {
			got = append(got, text[sp[0]:sp[1]])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q highlights %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	short := "Rota\ngaps   on Tuesdays."
	if got := coach.Snippet(short, coach.SearchTerms("gaps"), 120); got != "Rota gaps on Tuesdays." {
		t.Errorf("short snippet %q", got)
	}
	long := strings.Repeat("Words before the match, quite a lot of them. ", 8) +
		"Then Siân Ŵyn talked about the rota. " + strings.Repeat("And words after it as well. ", 8)
	got := coach.Snippet(long, coach.SearchTerms("wyn"), coach.SnippetLen)
	if n := utf8.RuneCountInString(got); n > coach.SnippetLen {
		t.Errorf("snippet is %d characters: %q", n, got)
	}
	if !strings.Contains(got, "Siân Ŵyn talked") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("snippet %q should hold the match, cut at both ends", got)
	}
	if i := strings.Index(got, "Ŵyn"); i > len(got)/2 {
		t.Errorf("the match should sit early in the snippet: %q", got)
	}
	// A match near the end leaves no room unused.
	end := strings.Repeat("lorem ipsum ", 30) + "final word hiraeth"
	got = coach.Snippet(end, coach.SearchTerms("hiraeth"), 60)
	if !strings.HasSuffix(got, "hiraeth") || utf8.RuneCountInString(got) < 55 || utf8.RuneCountInString(got) > 60 {
		t.Errorf("snippet at the end %q (%d)", got, utf8.RuneCountInString(got))
	}
	// No match: the start.
	if got := coach.Snippet(end, nil, 20); !strings.HasPrefix(got, "lorem") || utf8.RuneCountInString(got) > 20 {
		t.Errorf("no-match snippet %q", got)
	}
}

func TestFirstMatch(t *testing.T) {
	g, err := coach.LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	s := coach.Session{
		Prep: map[string]coach.Answer{
			"checkin.head":          {Text: "Tired; the rota again."},
			"understand.challenges": {Text: "Rota gaps on Tuesdays, and Siân covering."},
			"needs.workload":        {Rating: 2, Text: "Heavy: Siân is stretched"},
			"future.prompt":         {Text: "From a newer prompt set: hiraeth"},
		},
		Actions: []coach.Action{{Text: "Ask HR about cover", Status: coach.ActionDropped, Reason: "No budget for agency"}},
		Record:  map[string]coach.Answer{coach.SaidID: {Text: "Discussed the agency question."}},
		Addenda: []coach.Addendum{{At: time.Now(), Text: "Correction: it was Wednesday."}},
	}
	for _, tc := range []struct{ q, item, stage, snippet string }{
		{"rota", "checkin.head", "checkin", "Tired; the rota again."},                                  // the first in guide order
		{"rota sian", "understand.challenges", "unknown", "Rota gaps on Tuesdays, and Siân covering."}, // the most terms
		{"stretched", "needs.workload", "needs", "Heavy: Siân is stretched"},                           // a rating's note
		{"budget", "action", "actions", "No budget for agency"},                                        // a drop reason
		{"agency", coach.SaidID, "agenda", "Discussed the agency question."},                           // the record comes before its actions
		{"discussed", coach.SaidID, "agenda", "Discussed the agency question."},
		{"wednesday", "addendum", "record", "Correction: it was Wednesday."},
		{"hiraeth", "future.prompt", "unknown", "From a newer prompt set: hiraeth"},
		{"nowhere", "", "", ""},
		{"", "", "", ""},
	} {
		item, stage, snip := coach.FirstMatch(g, s, coach.SearchTerms(tc.q))
		if item != tc.item || stage != tc.stage || snip != tc.snippet {
			t.Errorf("FirstMatch(%q) = %q, %q, %q; want %q, %q, %q", tc.q, item, stage, snip, tc.item, tc.stage, tc.snippet)
		}
	}
}

// Search filters look back: since:1/9 is the 1 September just gone, not
// next year's, and since:2w two weeks ago.
func TestParseSearch(t *testing.T) {
	today := coach.Date{Year: 2026, Month: time.November, Day: 26}
	for _, tt := range []struct {
		in           string
		text         string
		since, until coach.Date
		problem      string
	}{
		{"rota gaps", "rota gaps", coach.Date{}, coach.Date{}, ""},
		{"rota since:1/9", "rota", coach.Date{Year: 2026, Month: 9, Day: 1}, coach.Date{}, ""},
		{"SINCE:2w", "", coach.Date{Year: 2026, Month: 11, Day: 12}, coach.Date{}, ""},
		{"since:-2w until:yesterday", "", coach.Date{Year: 2026, Month: 11, Day: 12}, coach.Date{Year: 2026, Month: 11, Day: 25}, ""},
		{"since:2026-09-01 until:30/9 hoist", "hoist", coach.Date{Year: 2026, Month: 9, Day: 1}, coach.Date{Year: 2026, Month: 9, Day: 30}, ""},
		{"until:+0d", "", coach.Date{}, today, ""},
		{"since:last_week", "", coach.Date{Year: 2026, Month: 11, Day: 19}, coach.Date{}, ""},
		{"since:soon rota", "rota", coach.Date{}, coach.Date{}, "since:soon"},
		{"since:", "", coach.Date{}, coach.Date{}, "not a date filter"},
	} {
		q, problem := coach.ParseSearch(tt.in, today)
		if q.Text != tt.text || q.Since != tt.since || q.Until != tt.until {
			t.Errorf("ParseSearch(%q) = %+v, want text %q since %v until %v", tt.in, q, tt.text, tt.since, tt.until)
		}
		if (tt.problem == "") != (problem == "") || !strings.Contains(problem, tt.problem) {
			t.Errorf("ParseSearch(%q) problem %q, want %q", tt.in, problem, tt.problem)
		}
	}
	if _, problem := coach.ParseSearch("since:\x1b[2J", today); strings.ContainsRune(problem, 0x1b) {
		t.Errorf("a control character reached the message: %q", problem)
	}
}

// Found in the review: the words a search shows highlighted were split on
// spaces alone, so "rota," was looked for with its comma while the store
// found "rota".
func TestQueryWordsSplitAsTheStoreSplits(t *testing.T) {
	q := coach.SearchQuery{Text: "Rota, gaps! Gwenllïan"}
	if got, want := q.Words(), coach.SearchTerms(q.Text); !slices.Equal(got, want) || !slices.Equal(got, []string{"rota", "gaps", "gwenllian"}) {
		t.Fatalf("query words %q, store terms %q", got, want)
	}
}

// TestEachSessionRawWordFoldsToEachSessionWord: the raw words, folded,
// are exactly the words EachSessionWord gives, in the same order, with a
// raw word that folds to nothing left out.
func TestEachSessionRawWordFoldsToEachSessionWord(t *testing.T) {
	var s coach.Session
	s.SetAnswer("help.offer", coach.Answer{Text: "Siân's ROTA, rota; café\u0301 \u0301 ŴYN-wyneb 42"})
	s.Actions = []coach.Action{{Text: "Straße Mae'r", Reason: "naïve"}}
	var want, got []string
	coach.EachSessionWord(s, func(w string) { want = append(want, w) })
	coach.EachSessionRawWord(s, func(raw string) {
		if w := coach.Fold(raw); w != "" {
			got = append(got, w)
		}
	})
	if !slices.Equal(got, want) || len(want) < 10 {
		t.Fatalf("raw words fold to %q, want %q", got, want)
	}
}

// A hit says whether its match is in the manager's private notes, from
// the part the words were written in (an old prep answer to a prompt since
// retired from the record's stages is still private), and a match in the
// meeting record wins a tie with one in the prep.
func TestNewHitSaysWhenTheMatchIsPrivate(t *testing.T) {
	g, err := coach.LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	s := coach.Session{
		Prep: map[string]coach.Answer{
			"understand.challenges": {Text: "Thinking of leaving; rota gaps."},
			"close.reflection":      {Text: "Worried about her, privately."}, // retired; written in the prep
		},
		Record:     map[string]coach.Answer{"agenda.theirs": {Text: "The rota."}},
		Reflection: map[string]coach.Answer{"reflect.talking": {Text: "Me, too much."}},
	}
	for _, tc := range []struct {
		q       string
		item    string
		private bool
	}{
		{"leaving", "understand.challenges", true},
		{"worried", "close.reflection", true},
		{"much", "reflect.talking", true},
		{"rota", "agenda.theirs", false}, // in both: the record's is shown
		{"rota gaps", "understand.challenges", true},
	} {
		h := coach.NewHit(g, coach.Summary{ID: "x"}, s, coach.SearchTerms(tc.q))
		if h.ItemID != tc.item || h.Private != tc.private || h.Summary.ID != "x" {
			t.Errorf("NewHit(%q) = %q, private %v; want %q, private %v", tc.q, h.ItemID, h.Private, tc.item, tc.private)
		}
	}
}
