package msg

import (
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// Both catalogues hold the same messages, every plural has every form its
// language needs, and each translation uses the same blanks as the English.
func TestTheCataloguesMatch(t *testing.T) {
	en, err := IDs("en")
	if err != nil {
		t.Fatal(err)
	}
	cy, err := IDs("cy")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(en, cy) {
		t.Fatalf("the catalogues differ:\nen %v\ncy %v", en, cy)
	}
	raw := map[string]map[string]json.RawMessage{}
	for _, l := range Langs {
		m, err := messages(l)
		if err != nil {
			t.Fatal(err)
		}
		raw[l] = m
	}
	blank := regexp.MustCompile(`\{\{\.(\w+)\}\}`)
	blanks := func(r json.RawMessage) []string {
		var out []string
		for _, m := range blank.FindAllStringSubmatch(string(r), -1) {
			out = append(out, m[1])
		}
		sort.Strings(out)
		seen := map[string]bool{}
		var uniq []string
		for _, b := range out {
			if !seen[b] {
				uniq = append(uniq, b)
				seen[b] = true
			}
		}
		return uniq
	}
	for _, id := range en {
		e, c := raw["en"][id], raw["cy"][id]
		if e[0] == '{' {
			var forms map[string]string
			if err := json.Unmarshal(c, &forms); err != nil {
				t.Errorf("%s: cy is not plural forms: %s", id, c)
				continue
			}
			for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
				if forms[f] == "" {
					t.Errorf("%s: cy lacks the %q form (Welsh counts need all six)", id, f)
				}
			}
		}
		eb, cb := blanks(e), blanks(c)
		for _, b := range eb {
			if b != "Count" && !contains(cb, b) {
				t.Errorf("%s: cy leaves out {{.%s}}", id, b)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestWelshCountsAndDates(t *testing.T) {
	cy, en := New("cy"), New("en")
	for n, want := range map[int]string{0: "dim pobl", 1: "1 person", 2: "2 o bobl", 3: "3 o bobl", 6: "6 o bobl", 11: "11 o bobl"} {
		if got := cy.T("count.people", "Count", n); got != want {
			t.Errorf("cy count.people(%d) = %q, want %q", n, got, want)
		}
	}
	if got := en.T("count.people", "Count", 1); got != "1 person" {
		t.Errorf("en count.people(1) = %q", got)
	}
	if got := cy.T("cadence.weeks", "Count", 2); got != "bob pythefnos" {
		t.Errorf("cy fortnight = %q", got)
	}
	d := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	if got := cy.Date(d); got != "Iau 26 Tach 2026" {
		t.Errorf("cy date = %q", got)
	}
	if got := en.Date(d); got != "Thu 26 Nov 2026" {
		t.Errorf("en date = %q", got)
	}
	for _, tc := range []struct{ flag, attend, lcall, lang, want string }{
		{"", "", "", "cy_GB.UTF-8", "cy"},
		{"en", "", "", "cy_GB.UTF-8", "en"},
		{"", "cy", "", "en_GB.UTF-8", "cy"},
		{"", "", "", "en_GB.UTF-8", "en"},
	} {
		if got := Detect(tc.flag, tc.attend, tc.lcall, tc.lang); got != tc.want {
			t.Errorf("Detect(%+v) = %q", tc, got)
		}
	}
}

// A message that is not a plural never takes {{.Count}}: T would look for
// plural forms it does not have (and say its id).
func TestOnlyPluralsCount(t *testing.T) {
	for _, l := range Langs {
		m, err := messages(l)
		if err != nil {
			t.Fatal(err)
		}
		for id, v := range m {
			if v[0] == '"' && regexp.MustCompile(`\{\{\.Count\}\}`).Match(v) {
				t.Errorf("%s %s: {{.Count}} in a message with no plural forms", l, id)
			}
		}
	}
}

// A count of a thousand or more is written with commas, in either
// language, and still chooses its form by the number.
func TestCountsWithThousands(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 2000, "2,000 people"},
		{"en", 999, "999 people"},
		{"en", 1, "1 person"},
		{"cy", 2000, "2,000"},
		{"en", 1234567, "1,234,567 people"},
	} {
		if got := New(c.lang).T("count.people", "Count", c.n); !strings.Contains(got, c.want) {
			t.Errorf("%s %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	if got := Thousands(-12345); got != "-12,345" {
		t.Errorf("Thousands(-12345) = %q", got)
	}
}

// Every catalogue file is an area's file in a language, and holds only
// that area's ids: T reads only the file of the id's area.
func TestEveryMessageIsInItsArea(t *testing.T) {
	entries, err := files.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, area := range append([]string{""}, areas...) {
		for _, l := range Langs {
			known[areaFile(area, l)] = true
		}
	}
	for _, e := range entries {
		if !known[e.Name()] {
			t.Errorf("%s is not the file of a known area in a known language (add its area to areas)", e.Name())
			continue
		}
		raw, err := files.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		for id := range m {
			for _, l := range Langs {
				if areaFile(areaOf(id), l) == e.Name() {
					delete(m, id)
				}
			}
		}
		for id := range m {
			t.Errorf("%s holds %q, which T looks for in %s", e.Name(), id, areaFile(areaOf(id), "en"))
		}
	}
	// Each area says its own messages, in both languages.
	for id, want := range map[string]string{"owner.me": "me", "cli.log.none": "", "store.noperson": "", "cli.help.cobra.flag.help": ""} {
		for _, l := range Langs {
			if got := New(l).T(id); got == id || (want != "" && l == "en" && got != want) {
				t.Errorf("%s in %s: %q", id, l, got)
			}
		}
	}
}

// TestPlainMessagesKept: a message asked for with nothing to fill in is
// kept and given again the same, in both languages, whoever asks at once;
// one with something to fill in is made each time.
func TestPlainMessagesKept(t *testing.T) {
	for _, code := range []string{"en", "cy"} {
		ids, err := IDs(code)
		if err != nil {
			t.Fatal(err)
		}
		l := New(code)
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for _, id := range ids {
					if got, want := l.T(id), l.t(id); got != want {
						t.Errorf("%s %s: %q kept, %q made", code, id, got, want)
					}
				}
			})
		}
		wg.Wait()
		if a, b := l.T("cli.export.title", "Name", "Ann"), l.T("cli.export.title", "Name", "Bob"); a == b || !strings.Contains(b, "Bob") {
			t.Errorf("%s: a message with something to fill in came back the same: %q, %q", code, a, b)
		}
	}
}

// A length of time is Go's own form in English, as attend always wrote
// it, and its units written out in Welsh.
func TestDuration(t *testing.T) {
	en, cy := New("en"), New("cy")
	for _, c := range []struct {
		d  time.Duration
		cy string
	}{
		{5 * time.Minute, "5 munud"},
		{90 * time.Minute, "1 awr 30 munud"},
		{2*time.Hour + 3*time.Second, "2 awr 3 eiliad"},
		{2500 * time.Millisecond, "2.5 eiliad"},
		{61 * time.Second, "1 munud 1 eiliad"},
		{237 * time.Millisecond, "237 milieiliad"},
		{1500 * time.Microsecond, "1.5 milieiliad"},
		{3 * time.Microsecond, "3 microeiliad"},
		{40 * time.Nanosecond, "40 nanoeiliad"},
		{0, "0 eiliad"},
		{-5 * time.Second, "-5 eiliad"},
	} {
		if got := en.Duration(c.d); got != c.d.String() {
			t.Errorf("%v in English: %q", c.d, got)
		}
		if got := cy.Duration(c.d); got != c.cy {
			t.Errorf("%v in Welsh: %q, want %q", c.d, got, c.cy)
		}
	}
}
