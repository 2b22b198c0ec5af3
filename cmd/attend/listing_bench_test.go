package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attend/coach"
)

// BenchmarkListing runs `attend show ID` and `attend actions` in process,
// through the command line as main does, over a demo file: made here
// (2,000 sessions), or ATTEND_BENCH_DB for a larger one. After the first
// round the message catalogue and prompts are parsed already, so this is
// the steady part of a command (reading, decoding, formatting); the whole
// process is measured against its floor by docs/benchtool table. Profile
// it with -cpuprofile.
func BenchmarkListing(b *testing.B) {
	db := os.Getenv("ATTEND_BENCH_DB")
	if db == "" {
		g, err := coach.LoadGuide("en")
		if err != nil {
			b.Fatal(err)
		}
		db = filepath.Join(b.TempDir(), "demo.db")
		if _, err := runDemo(db, nil, g, coach.DemoOptions{Seed: 1, Sessions: 2000, Today: coach.Date{Year: 2026, Month: 11, Day: 26}}, nil); err != nil {
			b.Fatal(err)
		}
	}
	var out strings.Builder
	if err := run(context.Background(), []string{"log", "--db", db, "--limit", "1"}, nil, &out, io.Discard); err != nil {
		b.Fatal(err)
	}
	id, _, _ := strings.Cut(out.String(), " ")
	for _, c := range []struct {
		name string
		args []string
	}{
		{"show", []string{"show", id}},
		{"show-cy", []string{"show", id, "--lang", "cy"}},
		{"actions", []string{"actions"}},
		{"actions-cy", []string{"actions", "--lang", "cy"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			args := append(c.args, "--db", db)
			for b.Loop() {
				if err := run(context.Background(), args, nil, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
