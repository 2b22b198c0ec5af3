package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's "attend backup ~/attend-backups/" works the first time: a
// folder asked for (the path ends in a slash) is made, readable only by its
// owner, and the backup written in it. A folder two levels short, a file or
// a link to nothing at that path is refused and nothing is made.
func TestBackupMakesTheFolderAskedFor(t *testing.T) {
	dir := t.TempDir()
	db := peopleDB(t, "Siân Ŵyn")
	folder := filepath.Join(dir, "attend-backups") + "/"
	out := mustAttend(t, "backup", "--db", db, folder)
	if !strings.Contains(out, "made the folder "+folder) {
		t.Errorf("backup said %q", out)
	}
	fi, err := os.Stat(folder)
	if err != nil || !fi.IsDir() || fi.Mode().Perm() != 0o700 {
		t.Fatalf("the folder: %v, %v", fi, err)
	}
	entries, _ := os.ReadDir(folder)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "attend-") {
		t.Fatalf("in the folder: %v", entries)
	}
	if out := mustAttend(t, "check", "--db", filepath.Join(folder, entries[0].Name())); !strings.Contains(out, "no faults") {
		t.Errorf("check of the backup: %s", out)
	}
	// The second time the folder is there: nothing said about making it.
	if out := mustAttend(t, "backup", "--db", db, folder); strings.Contains(out, "made the folder") {
		t.Errorf("second backup said %q", out)
	}

	deep := filepath.Join(dir, "no", "such") + "/"
	if _, err := attend(t, "backup", "--db", db, deep); err == nil || !strings.Contains(err.Error(), "there is no folder") {
		t.Errorf("backup into %s: %v", deep, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !os.IsNotExist(err) {
		t.Errorf("made folders for a path two levels short: %v", err)
	}
	file := filepath.Join(dir, "a-file")
	os.WriteFile(file, []byte("mine\n"), 0o600)
	link := filepath.Join(dir, "dangling")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{file + "/", link + "/"} {
		if _, err := attend(t, "backup", "--db", db, p); err == nil || !strings.Contains(err.Error(), "is not a folder") {
			t.Errorf("backup into %s: %v", p, err)
		}
	}
	if b, _ := os.ReadFile(file); string(b) != "mine\n" {
		t.Error("the file was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere")); !os.IsNotExist(err) {
		t.Errorf("followed a link to nothing: %v", err)
	}
	// Without a database, no folder is made.
	missing := filepath.Join(dir, "later") + "/"
	if _, err := attend(t, "backup", "--db", filepath.Join(dir, "none.db"), missing); err == nil {
		t.Error("backed up a database that is not there")
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("made a folder for a backup that failed: %v", err)
	}
}
