package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A --db whose folder is not there is most likely mistyped: attend refuses
// and makes nothing, instead of starting an empty file in new folders that
// a manager could take for their records lost.
func TestANamedDatabaseInAMissingFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newdir", "sub", "x.db")
	for _, args := range [][]string{
		{"compact", "--db", db},
		{"--lang", "cy", "compact", "--db", db},
	} {
		_, err := attend(t, args...)
		if err == nil {
			t.Fatalf("attend %s: started a file in a folder that was not there", strings.Join(args, " "))
		}
		for _, want := range []string{filepath.Join(dir, "newdir", "sub"), "mkdir -p"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("attend %s: %q does not say %q", strings.Join(args, " "), err, want)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "newdir")); !os.IsNotExist(err) {
		t.Errorf("the folder was made: %v", err)
	}
	// ATTEND_DB the same.
	t.Setenv("ATTEND_DB", db)
	if _, err := attend(t, "compact"); err == nil || !strings.Contains(err.Error(), "no folder") {
		t.Errorf("ATTEND_DB in a missing folder: %v", err)
	}
}

// The screens start a named file that is not there yet, in a folder that
// is (scripts begin so), and say where on the first screen; the second
// time, with the file there, they say nothing.
func TestTheScreensSayTheyStartedANewFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	o := &options{db: db}
	st, started, err := o.openTUI()
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if !strings.Contains(started, "Started a new attend file at "+db) || !strings.Contains(started, "--db") {
		t.Errorf("first open says %q", started)
	}
	st, started, err = (&options{db: db}).openTUI()
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if started != "" {
		t.Errorf("an existing file: %q", started)
	}

	// Welsh, and a missing folder refused here too.
	cy := filepath.Join(dir, "cy.db")
	st, started, err = (&options{db: cy, lang: "cy"}).openTUI()
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if !strings.Contains(started, "Dechreuwyd ffeil attend newydd yn "+cy) {
		t.Errorf("Welsh first open says %q", started)
	}
	if _, _, err := (&options{db: filepath.Join(dir, "no", "x.db")}).openTUI(); err == nil {
		t.Error("the screens started a file in a missing folder")
	}

	// attend's own place is made as before, and the first screen names it
	// without talk of --db.
	t.Setenv("ATTEND_DB", "")
	home := filepath.Join(dir, "home")
	o = &options{}
	o.load()
	o.dataHome = home
	st, started, err = o.openTUI()
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	want := filepath.Join(home, "attend", "attend.db")
	if started != "Started a new attend file at "+want+"." {
		t.Errorf("the default file: %q", started)
	}
	if fi, err := os.Stat(filepath.Dir(want)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("attend's own folder: %v %v", fi, err)
	}
}

// Found in the second trial: `attend --db nope/x.db log` said "run attend
// once to start one", which attend then refused (the folder is not there).
// A command that only reads says the folder is missing too.
func TestReadingFromAMissingFolderSaysSo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nope", "x.db")
	for _, args := range [][]string{{"log", "--db", db}, {"--lang", "cy", "log", "--db", db}} {
		_, err := attend(t, args...)
		if err == nil || !strings.Contains(err.Error(), filepath.Dir(db)) || strings.Contains(err.Error(), "run attend once") || strings.Contains(err.Error(), "rhedwch attend unwaith") {
			t.Errorf("attend %s: %v", strings.Join(args, " "), err)
		}
	}
}
