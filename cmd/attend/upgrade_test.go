package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"go.etcd.io/bbolt"
)

// An upgrade rewrites much of the file (seconds at 100,000 sessions) and a
// person waited at a blank terminal without a word: the first command that
// may write says what is happening, and where the copy from before is, in
// the language; after it nothing more is said.
func TestAnUpgradeSaysSo(t *testing.T) {
	for _, c := range []struct{ lang, file, want string }{
		{"en", "a.db", "Upgrading %s for this version of attend: a one-time step"},
		{"cy", "a.db", "Yn uwchraddio %s ar gyfer y fersiwn hon o attend"},
		{"en", "a\x1b[2Jb.db", "Upgrading %s for this version"}, // a path's control characters are shown, not obeyed
	} {
		db := filepath.Join(t.TempDir(), c.file)
		var out, errOut bytes.Buffer
		if err := run(context.Background(), []string{"demo", "--db", db, "--sessions", "20", "--seed", "2"}, strings.NewReader(""), &out, &errOut); err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := run(context.Background(), []string{"log", "--db", db, "--limit", "1"}, strings.NewReader(""), &out, &errOut); err != nil {
			t.Fatal(err)
		}
		name := strings.Split(out.String(), "  ")[2]
		// As an attend of schema 6 left it: the summaries it kept are
		// made again by the upgrade.
		raw, err := bbolt.Open(db, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := raw.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("6")) }); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		errOut.Reset()
		if err := run(context.Background(), []string{"cadence", "--db", db, "--lang", c.lang, name, "6w"}, strings.NewReader(""), &out, &errOut); err != nil {
			t.Fatalf("%s: %v\n%s", c.lang, err, errOut.String())
		}
		said := errOut.String()
		shown := strings.ReplaceAll(db, "\x1b", `\x1b`)
		if strings.Contains(said, "\x1b") || !strings.Contains(said, strings.Replace(c.want, "%s", shown, 1)) || !strings.Contains(said, shown+".bak-v6-") {
			t.Errorf("%s: the upgrade said %q", c.lang, said)
		}
		errOut.Reset()
		if err := run(context.Background(), []string{"cadence", "--db", db, "--lang", c.lang, name, "8w"}, strings.NewReader(""), &out, &errOut); err != nil {
			t.Fatal(err)
		}
		if errOut.Len() != 0 {
			t.Errorf("%s: after the upgrade attend still said %q", c.lang, errOut.String())
		}
	}
}
