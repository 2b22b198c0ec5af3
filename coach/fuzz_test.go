package coach_test

import (
	"os"
	"testing"
	"time"

	"attend/coach"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"", "2027-02-24", "24/2/2027", "24/2/27", "24/2", "29/2", "31/2/2027", "13/13/2027",
		"today", "tomorrow", "heddiw", "yfory", "fri", "dydd gwener", "thursday", "llun",
		"+6w", "6w", "10d", "3m", "1y", "in 3 weeks", "9999y", "-3d", "soon", "0000-01-01",
		"1/1/0", "99999999999999999999/1", "+", "in ", "dydd ", "/", "9999-12-31", "\xff",
	} {
		f.Add(s, 2026, 11, 26)
	}
	f.Add("1d", 9999, 12, 31)
	f.Add("29/2", 2028, 3, 1)
	f.Add("1m", 2028, 1, 31)
	for _, s := range []string{
		"next tuesday", "last fri", "fortnightly", "a fortnight ago", "in two weeks", "-2w",
		"2 weeks ago", "yesterday", "ddoe", "last month", "next year", "in -3 days", "in an",
	} {
		f.Add(s, 2026, 11, 26)
	}
	f.Add("29/2", 2100, 1, 1)
	f.Add("9999y", 2026, 11, 26)
	f.Fuzz(func(t *testing.T, in string, y, m, day int) {
		// Any real day a manager could be working on.
		today := coach.DateOf(time.Date(2000+abs(y)%100, time.Month(1+abs(m)%12), 1+abs(day)%31, 0, 0, 0, 0, time.UTC))
		for _, parse := range []struct {
			name string
			fn   func(string, coach.Date) (coach.Date, error)
		}{{"ParseDate", coach.ParseDate}, {"ParsePastDate", coach.ParsePastDate}} {
			got, err := parse.fn(in, today)
			if err != nil {
				if !got.IsZero() {
					t.Errorf("%s(%q) failed (%v) but returned %v", parse.name, in, err, got)
				}
				if err.Error() == "" {
					t.Errorf("%s(%q): empty error message", parse.name, in)
				}
				continue
			}
			if got.IsZero() {
				continue // only blank input gives the zero date
			}
			if got.Month < 1 || got.Month > 12 || got.Day < 1 || got.Year < 1 || got.Year > 9999 {
				t.Fatalf("%s(%q) = %+v, not a real date", parse.name, in, got)
			}
			if coach.DateOf(got.Time()) != got {
				t.Fatalf("%s(%q) = %+v, not a calendar date", parse.name, in, got)
			}
			again, err := parse.fn(got.String(), today)
			if err != nil || again != got {
				t.Fatalf("%s(%q) = %v, but its String %q reads back as %v, %v", parse.name, in, got, got.String(), again, err)
			}
			var viaText coach.Date
			if err := viaText.UnmarshalText([]byte(got.String())); err != nil || viaText != got {
				t.Fatalf("%v does not survive storage: %v, %v", got, viaText, err)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // the most negative int
			return 0
		}
		return -n
	}
	return n
}

func FuzzParseGuide(f *testing.F) {
	for _, lang := range []string{"en", "cy"} {
		raw, err := os.ReadFile("prompts/" + lang + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	for _, s := range []string{
		"", "null", "{}", "[]", "{", `{"lang":"en"}`, `{"lang":"en","stages":[]}`,
		`{"lang":"en","stages":[{"id":"checkin","title":"x","items":[{"id":"checkin.a","kind":"rating","prompt":"p","scale":["1","2","3","4","5"]}]}]}`,
		`{"lang":"en","stages":null}`, `{"lang":"en","stages":[null]}`, `{"lang":"en","extra":1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		g, err := coach.ParseGuide(raw)
		if err != nil {
			if g != nil {
				t.Error("a failed parse returned a guide")
			}
			return
		}
		// A guide that parses keeps every promise validation makes.
		if len(g.Stages) != len(coach.StageIDs) {
			t.Fatalf("%d stages", len(g.Stages))
		}
		for si, st := range g.Stages {
			if st.ID != coach.StageIDs[si] || g.StageIndex(st.ID) != si {
				t.Fatalf("stage %d is %q", si, st.ID)
			}
			for _, it := range st.Items {
				got, gst, ok := g.Item(it.ID)
				if !ok || got.ID != it.ID || gst.ID != st.ID {
					t.Fatalf("Item(%q) = %+v in %q, %v", it.ID, got, gst.ID, ok)
				}
				for score := range coach.MaxRating + 2 {
					_ = it.ScaleLabel(score)
				}
			}
		}
	})
}
