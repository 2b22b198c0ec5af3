package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attend/data"
)

// peopleDB makes a database holding just these people, and returns its path.
func peopleDB(t *testing.T, names ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, n := range names {
		if _, _, err := st.EnsurePerson(n); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func peopleIn(t *testing.T, db string) []string {
	t.Helper()
	st := openStore(t, db)
	people, err := st.People()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range people {
		out = append(out, p.Name)
	}
	st.Close()
	return out
}

// A typo is offered back, never added as a new person; --new adds on purpose.
func TestPrepTypoNeverAddsSomeone(t *testing.T) {
	db := peopleDB(t, "Siân Ŵyn", "Aled Evans")
	st := openStore(t, db)
	_, err := resolvePerson(st, "sain", false)
	want := `no one called "sain"; did you mean Siân Ŵyn? Run attend prep "Siân Ŵyn", or attend prep --new sain to add them`
	if err == nil || err.Error() != want || exitCode(err) != 2 {
		t.Errorf("prep sain: %v (exit %d)\nwant %s", err, exitCode(err), want)
	}
	for typed, name := range map[string]string{
		"sian":         "Siân Ŵyn", // a unique start still finds her
		"SIAN WYN":     "Siân Ŵyn",
		"ale":          "Aled Evans",
		"Bethan Ifans": "Bethan Ifans", // someone new, near no one
	} {
		if got, err := resolvePerson(st, typed, false); err != nil || got != name {
			t.Errorf("prep %q = %q, %v; want %q", typed, got, err, name)
		}
	}
	if got, err := resolvePerson(st, "  sain ", true); err != nil || got != "sain" {
		t.Errorf("prep --new sain = %q, %v", got, err)
	}
	if _, err := resolvePerson(st, "Sa\x1b[2Jin", false); err == nil || strings.ContainsRune(err.Error(), 0x1b) || exitCode(err) != 2 {
		t.Errorf("a control character: %q", err)
	}
	st.Close()
	if got := peopleIn(t, db); len(got) != 2 {
		t.Errorf("people now: %q", got)
	}
	// The flag is there for the command line.
	if _, err := attend(t, "prep", "--new", "sain", "--db", db); err == nil || !strings.Contains(err.Error(), "input ended before anything was written") {
		t.Errorf("prep --new: %v", err)
	}
}

// Erase matches one whole name only; --yes never confirms a guess.
func TestEraseNeverGuesses(t *testing.T) {
	db := peopleDB(t, "Ann", "Anna Jones", "Joanne Ann")
	out, err := attend(t, "erase", "--db", db, "--person", "ann", "--yes")
	if err != nil || !strings.Contains(out, "erased Ann:") {
		t.Fatalf("erase ann: %v\n%s", err, out)
	}
	if got := peopleIn(t, db); strings.Join(got, "|") != "Anna Jones|Joanne Ann" {
		t.Fatalf("after erasing Ann: %q", got)
	}
	for _, who := range []string{"ann", "Jones", "anna", "joanne", "Ana Jones"} {
		before := readFile(t, db)
		_, err := attend(t, "erase", "--db", db, "--person", who, "--yes")
		if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), "nothing was changed") {
			t.Errorf("erase %q --yes: %v (exit %d), want it refused", who, err, exitCode(err))
		}
		if string(before) != string(readFile(t, db)) {
			t.Fatalf("erase %q changed the file", who)
		}
	}
	_, err = attend(t, "erase", "--db", db, "--person", "Jones", "--yes")
	if err == nil || !strings.Contains(err.Error(), "did you mean Anna Jones?") || !strings.Contains(err.Error(), `attend erase --person "Anna Jones"`) {
		t.Errorf("erase Jones names no candidate: %v", err)
	}
	_, err = attend(t, "erase", "--db", db, "--person", "ann", "--yes")
	if err == nil || !strings.Contains(err.Error(), "Anna Jones or Joanne Ann") {
		t.Errorf("erase ann again: %v", err)
	}
	if got := peopleIn(t, db); len(got) != 2 {
		t.Errorf("people now: %q", got)
	}
}

// A blank --person never means everyone; a name that could be several is
// never chosen between for a disclosure; and no one by that name says so
// plainly, without claiming to have changed nothing.
func TestPersonMustBeGivenAndUnambiguous(t *testing.T) {
	db := peopleDB(t, "Ann", "Anna Jones", "Joanne Ann", "Siân Ŵyn")
	for _, args := range [][]string{
		{"export", "--person", ""},
		{"export", "--person", "  "},
		{"export", "--format", "md", "--person", "\t"},
		{"log", "--person", ""},
		{"actions", "--person", " "},
		{"erase", "--person", "", "--yes"},
		{"trends", " "},
		{"cadence", "", "6w"},
	} {
		out, err := attend(t, append(args, "--db", db)...)
		if exitCode(err) != 2 || out != "" {
			t.Errorf("%q: %v (exit %d), printed %q; want a usage error and nothing printed", args, err, exitCode(err), out)
		}
	}
	for _, args := range [][]string{
		{"export", "--format", "md", "--person", "jo"},
		{"export", "--person", "an"},
		{"trends", "an"},
	} {
		out, _, err := attendErr(t, append(args, "--db", db)...)
		if exitCode(err) != 2 || out != "" || err == nil || !strings.Contains(err.Error(), "could be") {
			t.Errorf("%q: %v, printed %q; want it refused, naming who it could be", args, err, out)
		}
	}
	_, said, err := attendErr(t, "export", "--format", "md", "--person", "sian", "--db", db)
	if err != nil || said != "exporting the records of Siân Ŵyn\n" {
		t.Errorf("export sian said %q, %v", said, err)
	}
	_, err = attend(t, "export", "--person", "nobody", "--db", db)
	if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), `no one is called "nobody"`) || strings.Contains(err.Error(), "changed") {
		t.Errorf("export --person nobody: %v", err)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}

// Found in review: export --person "s" handed over Siân's records, the
// only name with a word starting so. A command that hands records over
// takes a whole name or a whole word of it ("sian" still does), never a
// fragment, and exports nothing.
func TestExportTakesNoFragmentOfAName(t *testing.T) {
	db := peopleDB(t, "Anna Jones", "Siân Ŵyn")
	for _, typed := range []string{"s", "si", "Siâ", "wy"} {
		out, err := attend(t, "export", "--format", "md", "--person", typed, "--db", db)
		if exitCode(err) != 2 || out != "" || !strings.Contains(err.Error(), "only part of a name") {
			t.Errorf("export --person %q: %v (exit %d), printed %d bytes", typed, err, exitCode(err), len(out))
		}
	}
	for _, typed := range []string{"sian", "ŵyn", "SIAN WYN"} {
		if _, _, err := attendErr(t, "export", "--person", typed, "--db", db); err != nil {
			t.Errorf("export --person %q: %v", typed, err)
		}
	}
}
