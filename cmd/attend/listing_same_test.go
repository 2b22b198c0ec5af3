package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"attend/coach"
)

// TestListingUnchanged runs the listing commands (actions, log --person, and
// what they say when a name finds no one or several) on a demo file made on
// a fixed day, plus a few hand-made actions whose text needs tidying, and
// compares everything they print with testdata/listing.golden, written by
// attend at d8044dc, before actions and person look-ups were made faster
// (and written again when the demo stopped leaving actions open for years:
// the same listing code, a different demo). How they read the file may
// change; what they print must not.
//
// ATTEND_WRITE_LISTING_GOLDEN=FILE writes what this attend prints instead.
func TestListingUnchanged(t *testing.T) {
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 27})
	db := filepath.Join(t.TempDir(), "attend.db")
	mustAttend(t, "demo", "--db", db, "--sessions", "600", "--seed", "1")

	st := openStore(t, db)
	p, _, err := st.EnsurePerson("Siân   Ŵyn-Ellis")
	if err != nil {
		t.Fatal(err)
	}
	s := coach.NewSession(p.ID, "en", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	s.ID = "01M7W2Y7M0MFH5VB5HHHM4J4XE"
	s.Date = coach.Date{Year: 2026, Month: time.November, Day: 20}
	s.SetAnswer("understand.challenges", coach.Answer{Text: "Rota gaps"})
	s.Actions = []coach.Action{
		{ID: "01M8DEBDYPK8SFR9YR7PHZB5TW", Text: "Ring  the\nagency\tabout   nights", Owner: coach.OwnerMe, Due: coach.Date{Year: 2026, Month: time.November, Day: 1}},
		{ID: "01M8DEBDYPK8SFR9YR7T3CXMVP", Text: "  Book the refresher  ", Owner: coach.OwnerThem},
		{ID: "01M8DEBDYPK8SFR9YR7VFJ1R7Z", Text: "Ask the team", Owner: coach.OwnerOther, Due: coach.Date{Year: 2027, Month: time.January, Day: 5}},
		{ID: "01M8DEBDYPK8SFR9YR7VFJ1R80", Text: "Done already", Owner: coach.OwnerMe, Status: coach.ActionDone},
	}
	if _, err := st.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	st.Close()

	var got bytes.Buffer
	for _, args := range [][]string{
		{"actions"},
		{"actions", "--lang", "cy"},
		{"actions", "--person", "sian"},
		{"actions", "--person", "Bethan Morgan"},
		{"actions", "--person", "siôn"},
		{"log", "--person", "sian", "--limit", "50"},
		{"log", "--person", "ŵyn", "--limit", "3"},
		{"log", "--person", "SIAN WYN", "--limit", "3"},
		{"log", "--person", "Siân Ŵyn-Ellis"},
		{"log", "--person", "catrin prydderch", "--since", "2026-06-01"},
		{"log", "--person", "carys", "--limit", "50"},
		{"log", "--person", "ap gwilym", "--limit", "5"},
		{"log", "--person", "nobody-at-all"},
		{"log", "--person", "bethan morgn"},
		{"log", "--person", "priya   patel", "--limit", "4"},
		{"log", "--person", "j", "--limit", "2", "--lang", "cy"},
		{"log", "--person", "o", "--limit", "2"},
	} {
		out, errOut, err := attendErr(t, append(args, "--db", db)...)
		fmt.Fprintf(&got, "$ attend %q\n%s--- stderr\n%s--- err %v\n\n", args, out, errOut, err)
	}
	if p := os.Getenv("ATTEND_WRITE_LISTING_GOLDEN"); p != "" {
		if err := os.WriteFile(p, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	golden := filepath.Join("testdata", "listing.golden")
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := bytes.Split(got.Bytes(), []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := range max(len(gl), len(wl)) {
			var g, w []byte
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if !bytes.Equal(g, w) {
				t.Fatalf("the output differs from %s at line %d:\n got %q\nwant %q", golden, i+1, g, w)
			}
		}
	}
}
