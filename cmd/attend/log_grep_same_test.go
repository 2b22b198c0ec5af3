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

// TestLogGrepUnchanged runs `attend log --grep` on a demo file made on a
// fixed day, in English and Welsh, for whole words, prefixes, several
// words, a word longer than the index's prefixes, and words found nowhere,
// with --person, --since, --until, --limit and an encrypted copy, and
// compares all it prints with testdata/grep.golden, written by attend at
// 42b90eb, before log --grep read and printed its hits more cheaply (and
// written again by the commit before that work was merged, as the demo's
// stories had changed three sentences meanwhile). How it
// finds and prints them may change; what it prints must not.
//
// ATTEND_WRITE_GREP_GOLDEN=FILE writes what this attend prints instead.
func TestLogGrepUnchanged(t *testing.T) {
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 27})
	dir := t.TempDir()
	db := filepath.Join(dir, "attend.db")
	mustAttend(t, "demo", "--db", db, "--sessions", "600", "--seed", "1")
	sealed := filepath.Join(dir, "sealed.db")
	copyFile(t, db, sealed)
	pass := filepath.Join(dir, "pass")
	if err := os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustAttend(t, "encrypt", "--db", sealed, "--passphrase-file", pass)

	var got bytes.Buffer
	for _, args := range [][]string{
		{"--grep", "easily"},
		{"--grep", "rota"},
		{"--grep", "rota gaps"},
		{"--grep", "ROTA", "--since", "2026-09-01"},
		{"--grep", "rota", "--until", "2026-03-31", "--since", "2025-12-01"},
		{"--grep", "rota", "--limit", "5"},
		{"--grep", "rota", "--limit", "0"},
		{"--grep", "e"},
		{"--grep", "si"},
		{"--grep", "sian"},
		{"--grep", "Siân", "--lang", "cy"},
		{"--grep", "llŷr"},
		{"--grep", "LLYR", "--since", "2026-06-01"},
		{"--grep", "diolch staff"},
		{"--grep", "hiraeth", "--lang", "cy"},
		{"--grep", "cymraeg", "--person", "sian"},
		{"--grep", "occupational"},
		{"--grep", "acknowledgement", "--limit", "3"},
		{"--grep", "the complaint evening"},
		{"--grep", "zqxjvkw"},
		{"--grep", "supercalifragilistic"},
		{"--grep", "rota", "--person", "nobody-at-all"},
		{"--grep", "rota", "--since", "2026-05-01", "--until", "2026-04-01"},
	} {
		for _, file := range []struct{ name, db, pass string }{{"plain", db, ""}, {"encrypted", sealed, pass}} {
			run := append([]string{"log", "--db", file.db}, args...)
			if file.pass != "" {
				run = append(run, "--passphrase-file", file.pass)
			}
			out, errOut, err := attendErr(t, run...)
			fmt.Fprintf(&got, "$ attend log %q (%s file)\n%s--- stderr\n%s--- err %v\n\n", args, file.name, out, errOut, err)
		}
	}
	if p := os.Getenv("ATTEND_WRITE_GREP_GOLDEN"); p != "" {
		if err := os.WriteFile(p, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(filepath.Join("testdata", "grep.golden"))
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
				t.Fatalf("log --grep prints otherwise than testdata/grep.golden, first at line %d:\n got %q\nwant %q", i+1, g, w)
			}
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
