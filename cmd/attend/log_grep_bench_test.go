package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLogGrep times `attend log --grep` in process, output piped
// (plain lines), on a demo file of 10,000 sessions (seed 1, as
// docs/bench.sh makes them): a word in about 3 % of the sessions
// ("easily", the benchmark's), one in every session ("the"), and one in
// none. Each run opens the file afresh, as the command does, so its pages
// are faulted in again each time. It reports the lines printed per run.
//
//	go test ./cmd/attend -run X -bench LogGrep -count 10
func BenchmarkLogGrep(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "attend.db")
	var errOut bytes.Buffer
	if err := run(context.Background(), []string{"demo", "--db", db, "--sessions", "10000", "--seed", "1"}, strings.NewReader(""), &bytes.Buffer{}, &errOut); err != nil {
		b.Fatalf("demo: %v\n%s", err, errOut.String())
	}
	for _, word := range []string{"easily", "the", "zqxjvkw"} {
		b.Run(word, func(b *testing.B) {
			var out bytes.Buffer
			lines := 0
			for b.Loop() {
				out.Reset()
				errOut.Reset()
				if err := run(context.Background(), []string{"log", "--db", db, "--grep", word}, strings.NewReader(""), &out, &errOut); err != nil {
					b.Fatalf("log --grep %s: %v\n%s", word, err, errOut.String())
				}
				lines = bytes.Count(out.Bytes(), []byte("\n"))
			}
			if word != "zqxjvkw" && lines == 0 {
				b.Fatalf("log --grep %s printed nothing", word)
			}
			b.ReportMetric(float64(lines), "lines/op")
		})
	}
}
