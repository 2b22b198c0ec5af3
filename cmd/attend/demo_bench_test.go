package main

import (
	"path/filepath"
	"testing"

	"attend/coach"
)

// BenchmarkDemoWrite measures `attend demo` as the command runs it: made in
// memory, written with SaveSessions in batches of demoBatch, to a new file.
// The target (issue 10) is 20,000 sessions/s.
func BenchmarkDemoWrite(b *testing.B) {
	g, err := coach.LoadGuide("en")
	if err != nil {
		b.Fatal(err)
	}
	const n = 20000
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "demo.db")
		if _, err := runDemo(db, nil, g, coach.DemoOptions{Seed: 1, Sessions: n, Today: coach.Date{Year: 2026, Month: 11, Day: 26}}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sessions/s")
}
