package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"attend/data"
)

// Completion offers people's names, session ids and flag values, and
// --version says which attend this is.
func TestCompletionNamesPeopleIDsAndValues(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Siân Ŵyn", "Aled Evans"} {
		if _, _, err := st.EnsurePerson(n); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	complete := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		if err := run(context.Background(), append([]string{"__complete", "--db", db}, args...), nil, &out, &out); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return out.String()
	}
	if got := complete("prep", "si"); !strings.Contains(got, "Siân Ŵyn") || strings.Contains(got, "Aled") {
		t.Errorf("prep si completes to:\n%s", got)
	}
	if got := complete("export", "--format", ""); !strings.Contains(got, "json") || !strings.Contains(got, "md") {
		t.Errorf("--format completes to:\n%s", got)
	}
	if got := complete("done", "--outcome", ""); !strings.Contains(got, "helped") {
		t.Errorf("--outcome completes to:\n%s", got)
	}
	if got := complete("export", "--person", "a"); !strings.Contains(got, "Aled Evans") {
		t.Errorf("--person completes to:\n%s", got)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--version"}, nil, &out, &out); err != nil || !strings.Contains(out.String(), "attend version") {
		t.Errorf("--version: %v %q", err, out.String())
	}
}
