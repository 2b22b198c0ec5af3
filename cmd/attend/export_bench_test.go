package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

// BenchmarkExport runs `attend export` in process over a demo file: made
// here (2,000 sessions), or ATTEND_BENCH_DB for a larger one. Profile it with
// -cpuprofile; docs/benchtool floor-raw is the floor the target compares with.
func BenchmarkExport(b *testing.B) {
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
	st, err := data.Open(db, data.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for _, format := range []string{"json", "md"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := export(st, io.Discard, io.Discard, format, "", time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), msg.New("en")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
