package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

// readsEnv finds the environment read in a Go file: os.Getenv and its kin,
// and adrg/xdg, which reads it when imported.
var readsEnv = regexp.MustCompile(`os\.(Getenv|LookupEnv|Environ|ExpandEnv)\(|"github\.com/adrg/xdg"`)

// sources are the non-test Go files in dir, by name.
func sources(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = src
	}
	return out
}

// envReaders lists the non-test Go files in dir that read the environment.
func envReaders(t *testing.T, dir string) []string {
	var found []string
	for f, src := range sources(t, dir) {
		if readsEnv.Match(src) {
			found = append(found, f)
		}
	}
	return found
}

// The command line reads the environment in one place, options.go, so
// what each variable does and which wins over which is said once.
func TestEnvironmentReadOnlyInOptions(t *testing.T) {
	for _, f := range envReaders(t, ".") {
		if f != "options.go" {
			t.Errorf("%s reads the environment: read it in options.go's load and pass it in options", f)
		}
	}
}

// data is given a path and never looks at the environment itself.
func TestDataNeverReadsEnvironment(t *testing.T) {
	if found := envReaders(t, filepath.Join("..", "..", "data")); len(found) > 0 {
		t.Errorf("data reads the environment in %v: take the value as an argument instead", found)
	}
}

func TestOptionsPrecedence(t *testing.T) {
	share := filepath.Join(t.TempDir(), "share")
	t.Cleanup(xdg.Reload) // after the environment is put back
	t.Setenv("XDG_DATA_HOME", share)
	xdg.Reload()
	t.Setenv("ATTEND_DB", "")
	t.Setenv("ATTEND_LANG", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "cy_GB.UTF-8")
	t.Setenv("ATTEND_PASSPHRASE_FILE", "/env/pass")

	o := &options{}
	if p, err := o.dbPath(); err != nil || p != filepath.Join(share, "attend", "attend.db") {
		t.Errorf("default database: %q, %v", p, err)
	}
	if o.dbNamed() {
		t.Error("the default database counts as named")
	}
	if got := o.langCode(); got != "cy" {
		t.Errorf("a Welsh locale: %q", got)
	}
	if got := o.passphraseFile(); got != "/env/pass" {
		t.Errorf("passphrase file from the environment: %q", got)
	}

	t.Setenv("ATTEND_DB", "/env/attend.db")
	t.Setenv("ATTEND_LANG", "en")
	o = &options{}
	if p, _ := o.dbPath(); p != "/env/attend.db" || !o.dbNamed() {
		t.Errorf("ATTEND_DB: %q", p)
	}
	if got := o.langCode(); got != "en" {
		t.Errorf("ATTEND_LANG over the locale: %q", got)
	}

	o = &options{db: "/flag/attend.db", lang: "cy", passFile: "/flag/pass"}
	if p, _ := o.dbPath(); p != "/flag/attend.db" {
		t.Errorf("--db over ATTEND_DB: %q", p)
	}
	if got := o.langCode(); got != "cy" {
		t.Errorf("--lang over ATTEND_LANG: %q", got)
	}
	if got := o.passphraseFile(); got != "/flag/pass" {
		t.Errorf("--passphrase-file over ATTEND_PASSPHRASE_FILE: %q", got)
	}
}
