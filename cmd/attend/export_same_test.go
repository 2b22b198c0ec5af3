package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"attend/coach/msg"
	"attend/data"
)

// TestExportUnchangedByStorage exports the release file of schema 2
// (data/testdata/release-schema2.db: sessions, records, agreements,
// addenda, actions done and dropped), upgraded to this attend's schema, and
// compares it byte for byte with testdata/export-release.json, which attend
// wrote from the same file before sessions were compressed, summaries made
// binary and the search index replaced (schema 3). The way records are
// stored must never change what an export says.
func TestExportUnchangedByStorage(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "data", "testdata", "release-schema2.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "attend.db")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out bytes.Buffer
	if err := export(st, &out, io.Discard, "json", "", time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), msg.New("en")); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "export-release.json")
	if p := os.Getenv("ATTEND_WRITE_EXPORT_GOLDEN"); p != "" {
		if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	// The one addition since the release: the header names the prompt pack
	// (attend's own here), so a reader knows which wording was asked.
	got := bytes.Replace(out.Bytes(), []byte(`"prompts":{"pack":"attend","version":"built in"},`), nil, 1)
	if !bytes.Equal(got, want) {
		t.Errorf("the export differs from %s (%d bytes, want %d)", golden, out.Len(), len(want))
	}
}
