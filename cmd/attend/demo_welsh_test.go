package main

import (
	"path/filepath"
	"strings"
	"testing"

	"attend/coach"
)

// TestDemoWelsh: with --lang cy, or ATTEND_LANG=cy, demo writes the
// stories in Welsh, and each session records that it was written in Welsh,
// as a session written in attend in Welsh does. Without either, English.
func TestDemoWelsh(t *testing.T) {
	for _, tc := range []struct {
		name, env, lang string
		args            []string
	}{
		{"flag", "", "cy", []string{"--lang", "cy"}},
		{"env", "cy", "cy", nil},
		{"none", "", "en", []string{"--lang", "en"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("ATTEND_LANG", tc.env)
			db := filepath.Join(t.TempDir(), "demo.db")
			mustAttend(t, append(tc.args, "demo", "--sessions", "80", "--seed", "2", "--db", db)...)
			st := openStore(t, db)
			n, english := 0, 0
			err := st.EachSession(func(p coach.Person, s coach.Session) error {
				n++
				if s.Lang != tc.lang {
					t.Errorf("%s's session of %s in %q, want %q", p.Name, s.Date, s.Lang, tc.lang)
				}
				if strings.HasPrefix(s.Answer("agenda.theirs").Text, "The ") || strings.Contains(s.Answer("agenda.theirs").Text, " the ") {
					english++
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n != 80 {
				t.Fatalf("%d sessions, want 80", n)
			}
			if tc.lang == "cy" && english > 0 || tc.lang == "en" && english == 0 {
				t.Errorf("%d of %d agendas read as English, in a demo in %s", english, n, tc.lang)
			}
		})
	}
}
