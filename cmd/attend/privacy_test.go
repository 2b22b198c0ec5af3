package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attend/coach"
	"attend/data"
)

// Tests derive keys at a tiny cost.
func init() { data.DefaultKDF = data.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1} }

// pvFakeTerminal stands in for the keyboard: each passphrase prompt takes the
// next of typed. With no typing at all, there is no terminal.
type pvFakeTerminal struct {
	typed   []string
	prompts []string
	said    []string
}

func pvTerminal(t *testing.T, typed ...string) *pvFakeTerminal {
	t.Helper()
	ft := &pvFakeTerminal{typed: typed}
	old := terminal
	t.Cleanup(func() { terminal = old })
	terminal.isTerminal = func() bool { return typed != nil }
	terminal.readPassword = func(prompt string) ([]byte, error) {
		ft.prompts = append(ft.prompts, prompt)
		if len(ft.typed) == 0 {
			return nil, errors.New("no more typing")
		}
		p := ft.typed[0]
		ft.typed = ft.typed[1:]
		return []byte(p), nil
	}
	terminal.say = func(line string) { ft.said = append(ft.said, line) }
	return ft
}

func pvPassFile(t *testing.T, content string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "pass.txt")
	if err := os.WriteFile(p, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	return p
}

// sampleDB makes a database with Siân (two sessions, with Welsh notes) and
// Aled (one), and returns its path.
func pvSampleDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i, name := range []string{"Siân Ŵyn", "Siân Ŵyn", "Aled Evans"} {
		p, _, err := st.EnsurePerson(name)
		if err != nil {
			t.Fatal(err)
		}
		s := coach.NewSession(p.ID, "cy", time.Now())
		s.Date = coach.Date{Year: 2018 + i, Month: 3, Day: 1}
		s.SetAnswer("help.obstacle", coach.Answer{Text: fmt.Sprintf("Nodyn cyfrinachol am %s rhif %d 🌧️", name, i)})
		s.Actions = []coach.Action{{Text: "Gweithred i " + name, Owner: coach.OwnerThem}}
		if _, err := st.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func pvFileHolds(t *testing.T, path string, texts ...string) bool {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range texts {
		if bytes.Contains(raw, []byte(s)) {
			return true
		}
	}
	return false
}

func TestPassphraseFileRules(t *testing.T) {
	for _, c := range []struct {
		content string
		mode    os.FileMode
		want    string
		err     string
	}{
		{"cyfrinair hir\n", 0o600, "cyfrinair hir", ""},
		{"cyfrinair hir\r\nsecond line\n", 0o400, "cyfrinair hir", ""},
		{"  spaces kept  ", 0o600, "  spaces kept  ", ""},
		{"cyfrinair hir\n", 0o640, "", "can be read by other people"},
		{"cyfrinair hir\n", 0o604, "", "chmod 600"},
		{"\nsecond\n", 0o600, "", "is empty"},
		{"", 0o600, "", "is empty"},
	} {
		got, err := readPassphraseFile(pvPassFile(t, c.content, c.mode))
		switch {
		case c.err == "" && (err != nil || string(got) != c.want):
			t.Errorf("%q %v: %q, %v", c.content, c.mode, got, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q %v: %v, want an error saying %q", c.content, c.mode, err, c.err)
		}
	}
	if _, err := readPassphraseFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing file was accepted")
	}
}

func TestEncryptAndOpenFromTheCommandLine(t *testing.T) {
	db := pvSampleDB(t)
	os.WriteFile(db+".bak-v0-20260101T000000Z", []byte("old copy"), 0o600)
	secrets := []string{"Siân", "Nodyn cyfrinachol", "Gweithred i"}
	if !pvFileHolds(t, db, secrets...) {
		t.Fatal("the sample is not readable to begin with")
	}
	before := readFile(t, db)

	// Refusals change nothing.
	for _, c := range []struct {
		typed []string
		want  string
	}{
		{[]string{"un dau tri pedwar", "un dau tri pump"}, "not the same"},
		{[]string{""}, "empty passphrase protects nothing"},
		{[]string{"byr", "byr", "byr"}, "at least 8"}, // three short tries
		{nil, "no terminal"},
	} {
		pvTerminal(t, c.typed...)
		_, err := attendIn(t, "", "encrypt", "--db", db)
		if err == nil || !strings.Contains(err.Error(), c.want) || exitCode(err) != 1 {
			t.Errorf("encrypt typing %q: %v, want %q", c.typed, err, c.want)
		}
		if !bytes.Equal(before, readFile(t, db)) {
			t.Fatalf("a refused encrypt changed the file")
		}
	}

	pass := "tri gair hir 🔐"
	ft := pvTerminal(t, pass, pass)
	out, err := attendIn(t, "", "encrypt", "--db", db)
	if err != nil {
		t.Fatalf("encrypt: %v\n%s", err, out)
	}
	for _, want := range []string{"is now encrypted", "NO way to recover", "NOT encrypted", "unencrypted copy beside it: " + db + ".bak-v0-"} {
		if !strings.Contains(out, want) {
			t.Errorf("encrypt output lacks %q:\n%s", want, out)
		}
	}
	if len(ft.prompts) != 2 {
		t.Errorf("prompts %q", ft.prompts)
	}
	if pvFileHolds(t, db, secrets...) {
		t.Fatal("the encrypted file still holds plaintext")
	}
	if _, err := attendIn(t, "", "encrypt", "--db", db); err == nil || !strings.Contains(err.Error(), "already encrypted") {
		t.Errorf("encrypt twice: %v", err)
	}

	// Scripts: no terminal, so a clear message naming --passphrase-file.
	pvTerminal(t)
	sealed := readFile(t, db)
	_, err = attendIn(t, "", "export", "--db", db)
	if err == nil || !strings.Contains(err.Error(), "--passphrase-file") || exitCode(err) != 1 {
		t.Errorf("export of an encrypted file with no terminal: %v", err)
	}
	good := pvPassFile(t, pass+"\n", 0o600)
	out, err = attendIn(t, "", "export", "--db", db, "--passphrase-file", good)
	if err != nil || !strings.Contains(out, "Nodyn cyfrinachol am Siân Ŵyn") {
		t.Errorf("export with --passphrase-file: %v\n%s", err, out)
	}
	t.Setenv("ATTEND_PASSPHRASE_FILE", good)
	if out, err := attendIn(t, "", "check", "--db", db); err != nil || !strings.Contains(out, "no faults found") {
		t.Errorf("check with ATTEND_PASSPHRASE_FILE: %v\n%s", err, out)
	}
	t.Setenv("ATTEND_PASSPHRASE_FILE", pvPassFile(t, "not it at all\n", 0o600))
	if _, err := attendIn(t, "", "export", "--db", db); err == nil || !strings.Contains(err.Error(), "that passphrase does not open") {
		t.Errorf("a wrong passphrase file: %v", err)
	}
	t.Setenv("ATTEND_PASSPHRASE_FILE", pvPassFile(t, pass, 0o644))
	if _, err := attendIn(t, "", "export", "--db", db); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a passphrase file others can read: %v", err)
	}
	t.Setenv("ATTEND_PASSPHRASE_FILE", "")

	// At a terminal: three tries, then exit 1, nothing changed.
	ft = pvTerminal(t, "anghywir un", "anghywir dau", "anghywir tri", pass)
	_, err = attendIn(t, "", "export", "--db", db)
	if err == nil || !strings.Contains(err.Error(), "3 tries") || exitCode(err) != 1 {
		t.Errorf("three wrong passphrases: %v", err)
	}
	if len(ft.prompts) != 3 || len(ft.said) != 2 {
		t.Errorf("prompts %q, said %q", ft.prompts, ft.said)
	}
	ft = pvTerminal(t, "anghywir", pass)
	if out, err := attendIn(t, "", "export", "--db", db, "--format", "md", "--person", "aled"); err != nil || !strings.Contains(out, "Gweithred i Aled") {
		t.Errorf("second try right: %v\n%s", err, out)
	}
	if len(ft.prompts) != 2 || len(ft.said) != 1 {
		t.Errorf("second try right: prompts %q, said %q", ft.prompts, ft.said)
	}
	if !bytes.Equal(sealed, readFile(t, db)) {
		t.Error("reading with wrong passphrases changed the file")
	}
}

func TestPassphraseCommand(t *testing.T) {
	db := pvSampleDB(t)
	oldPass, newPass := "hen gyfrinair hir", "cyfrinair newydd sbon"
	if err := data.Encrypt(db, []byte(oldPass)); err != nil {
		t.Fatal(err)
	}
	pvTerminal(t, "wrong one", oldPass, newPass, newPass)
	out, err := attendIn(t, "", "passphrase", "--db", db)
	if err != nil || !strings.Contains(out, "is changed") {
		t.Fatalf("passphrase: %v\n%s", err, out)
	}
	pvTerminal(t)
	if _, err := attendIn(t, "", "export", "--db", db, "--passphrase-file", pvPassFile(t, oldPass, 0o600)); err == nil {
		t.Error("the old passphrase still opens it")
	}
	// Scripts: both from files.
	third := "trydydd cyfrinair"
	out, err = attendIn(t, "", "passphrase", "--db", db, "--passphrase-file", pvPassFile(t, newPass, 0o600), "--new-passphrase-file", pvPassFile(t, third, 0o600))
	if err != nil {
		t.Fatalf("passphrase from files: %v\n%s", err, out)
	}
	if _, err := attendIn(t, "", "check", "--db", db, "--passphrase-file", pvPassFile(t, third, 0o600)); err != nil {
		t.Errorf("the newest passphrase does not open it: %v", err)
	}
	// An unencrypted database has none to change.
	plain := pvSampleDB(t)
	pvTerminal(t, "x")
	if _, err := attendIn(t, "", "passphrase", "--db", plain); err == nil || !strings.Contains(err.Error(), "not encrypted") {
		t.Errorf("passphrase on an unencrypted file: %v", err)
	}
}

func TestImportCommand(t *testing.T) {
	src := pvSampleDB(t)
	exported, err := attendIn(t, "", "export", "--db", src)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "attend.json")
	os.WriteFile(file, []byte(exported), 0o600)

	dst := filepath.Join(t.TempDir(), "new.db")
	out, err := attendIn(t, "", "import", "--db", dst, file)
	if err != nil || !strings.Contains(out, "2 added") || !strings.Contains(out, "3 added") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	before := readFile(t, dst)
	out, err = attendIn(t, "", "import", "--db", dst, file)
	if err != nil || !strings.Contains(out, "nothing to import") {
		t.Fatalf("second import: %v\n%s", err, out)
	}
	if !bytes.Equal(before, readFile(t, dst)) {
		t.Error("importing the same file twice changed the database")
	}
	again, err := attendIn(t, "", "export", "--db", dst)
	if err != nil {
		t.Fatal(err)
	}
	cut := func(s string) string { _, rest, _ := strings.Cut(s, `"people"`); return rest } // without "exported"
	if cut(again) != cut(exported) {
		t.Errorf("export → import → export differs:\n%s\n---\n%s", exported, again)
	}

	// From standard input too.
	dst2 := filepath.Join(t.TempDir(), "piped.db")
	if out, err := attendIn(t, exported, "import", "--db", dst2, "-"); err != nil || !strings.Contains(out, "standard input") {
		t.Errorf("import -: %v\n%s", err, out)
	}

	// A malformed file: rejected whole, the field named, nothing written.
	bad := strings.Replace(exported, `"owner": "them"`, `"owner": "the boss"`, 1)
	os.WriteFile(file, []byte(bad), 0o600)
	_, err = attendIn(t, "", "import", "--db", dst, file)
	if err == nil || !strings.Contains(err.Error(), `sessions[0].actions[0].owner: "the boss" is not me, them or other`) ||
		!strings.Contains(err.Error(), "nothing was written") || exitCode(err) != 1 {
		t.Errorf("malformed import: %v", err)
	}
	if !bytes.Equal(before, readFile(t, dst)) {
		t.Error("a rejected import changed the database")
	}
	if _, err := attendIn(t, "", "import", "--db", dst); exitCode(err) != 2 {
		t.Errorf("import with no file: %v", err)
	}
}

func TestEraseCommand(t *testing.T) {
	db := pvSampleDB(t)
	gone := []string{"Siân", "Nodyn cyfrinachol am Siân", "Gweithred i Siân"}
	before := readFile(t, db)

	// Asked to confirm: anything but the name changes nothing.
	for _, typed := range []string{"", "no\n", "sian\n", "Aled Evans\n"} {
		_, err := attendIn(t, typed, "erase", "--db", db, "--person", "SIÂN wyn")
		if err == nil || !strings.Contains(err.Error(), "nothing was changed") {
			t.Errorf("confirming with %q: %v", typed, err)
		}
		if !bytes.Equal(before, readFile(t, db)) {
			t.Fatalf("an unconfirmed erase changed the file")
		}
	}
	if _, err := attendIn(t, "", "erase", "--db", db); exitCode(err) != 2 {
		t.Errorf("erase without --person: %v", err)
	}
	if _, err := attendIn(t, "", "erase", "--db", db, "--person", "Nobody", "--yes"); err == nil || !strings.Contains(err.Error(), "no one is called") || exitCode(err) != 2 {
		t.Errorf("erase of no one: %v", err)
	}

	start := time.Now()
	out, err := attendIn(t, "sian wyn\n", "erase", "--db", db, "--person", "sian wyn")
	if err != nil {
		t.Fatalf("erase: %v\n%s", err, out)
	}
	t.Logf("erase took %v", time.Since(start))
	for _, want := range []string{"Type their full name to confirm", "erased Siân Ŵyn: 2 saved sessions, 0 unsaved preps, 4 index entries", "no trace of them remains", "Copies made before now"} {
		if !strings.Contains(out, want) {
			t.Errorf("erase output lacks %q:\n%s", want, out)
		}
	}
	if pvFileHolds(t, db, gone...) {
		t.Error("the file still holds text about the erased person")
	}
	if !pvFileHolds(t, db, "Nodyn cyfrinachol am Aled") {
		t.Error("Aled's records went too")
	}
	out, err = attendIn(t, "", "check", "--db", db)
	if err != nil {
		t.Errorf("check after erase: %v\n%s", err, out)
	}

	// Ambiguous names are refused, naming the candidates.
	db2 := pvSampleDB(t)
	st, _ := data.Open(db2, data.Options{})
	st.EnsurePerson("Aled Jones")
	st.Close()
	if _, err := attendIn(t, "", "erase", "--db", db2, "--person", "aled", "--yes"); err == nil ||
		!strings.Contains(err.Error(), "Aled Evans") || !strings.Contains(err.Error(), "Aled Jones") || exitCode(err) != 2 {
		t.Errorf("ambiguous erase: %v", err)
	}
	// Scripts: --yes, on an encrypted file.
	if err := data.Encrypt(db2, []byte("cyfrinair hir")); err != nil {
		t.Fatal(err)
	}
	out, err = attendIn(t, "", "erase", "--db", db2, "--person", "Aled Jones", "--yes", "--passphrase-file", pvPassFile(t, "cyfrinair hir", 0o600))
	if err != nil || !strings.Contains(out, "erased Aled Jones: 0 saved sessions") {
		t.Errorf("erase --yes: %v\n%s", err, out)
	}
}

func TestRetentionCommand(t *testing.T) {
	db := pvSampleDB(t) // Siân last met 2019-03-01, Aled 2020-03-01
	out, err := attendIn(t, "", "retention", "--db", db)
	if err != nil || !strings.Contains(out, "none set") {
		t.Fatalf("retention: %v\n%s", err, out)
	}
	// The longest period Siân (last met 1 Mar 2019) is past: Aled, met a
	// year later, is then not.
	today := coach.DateOf(time.Now())
	years := today.Year - 2019
	if !coach.RetentionEnd(coach.Date{Year: 2019, Month: 3, Day: 1}, years).Before(today) {
		years--
	}
	out, err = attendIn(t, "", "retention", "--db", db, "--years", fmt.Sprint(years))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf("retention: %s after the last session", count(years, "year", "years")), "due for deletion (1)",
		"Siân Ŵyn: last session Fri 1 Mar 2019", `attend erase --person "Siân Ŵyn"`} {
		if !strings.Contains(out, want) {
			t.Errorf("retention output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Aled") {
		t.Errorf("Aled is listed:\n%s", out)
	}
	if out, _ := attendIn(t, "", "retention", "--db", db); !strings.Contains(out, "due for deletion (1)") {
		t.Errorf("the setting was not kept:\n%s", out)
	}
	if _, err := attendIn(t, "", "retention", "--db", db, "--years", "-2"); exitCode(err) != 2 {
		t.Errorf("--years -2: %v", err)
	}
	if out, err := attendIn(t, "", "retention", "--db", db, "--years", "0"); err != nil || !strings.Contains(out, fmt.Sprintf("retention turned off (it was %s after the last session)", count(years, "year", "years"))) {
		t.Errorf("turning it off: %v\n%s", err, out)
	}
	if out, err := attendIn(t, "", "retention", "--db", db); err != nil || !strings.Contains(out, "none set") {
		t.Errorf("after turning it off: %v\n%s", err, out)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"Siân Ŵyn":      `"Siân Ŵyn"`,
		"Dai 'Bach' Ap": `"Dai 'Bach' Ap"`,
		`Sam "Sparky"`:  `'Sam "Sparky"'`,
		`It's $5 "x"`:   `'It'\''s $5 "x"'`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// A short passphrase is said at once, after the first entry, not after it
// was typed twice; the manager then types a longer one.
func TestShortPassphraseSaidAtOnce(t *testing.T) {
	db := pvSampleDB(t)
	pass := "pedwar gair hir iawn"
	ft := pvTerminal(t, "byr", pass, pass)
	out, err := attendIn(t, "", "encrypt", "--db", db)
	if err != nil || !strings.Contains(out, "is now encrypted") {
		t.Fatalf("encrypt: %v\n%s", err, out)
	}
	if len(ft.prompts) != 3 || !strings.Contains(ft.prompts[0], "at least 8 characters") || !strings.HasPrefix(ft.prompts[1], "New passphrase") || ft.prompts[2] != "Type it again: " {
		t.Errorf("prompts %q", ft.prompts)
	}
	if len(ft.said) != 1 || !strings.Contains(ft.said[0], "that passphrase is 3 characters long: use at least 8") {
		t.Errorf("said %q", ft.said)
	}
	if _, err := attendIn(t, "", "export", "--db", db, "--passphrase-file", pvPassFile(t, pass, 0o600)); err != nil {
		t.Errorf("the longer passphrase does not open it: %v", err)
	}
}
