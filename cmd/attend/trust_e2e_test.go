package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"attend/coach"
	"attend/data"
)

// These tests run the attend binary itself, built once, as a manager would.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// TestMain removes the binary the end-to-end tests built (about 15 MB a
// run, which would otherwise pile up in the temporary folder).
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

func attendBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the attend binary")
	}
	binOnce.Do(func() {
		// go test puts its own GOROOT/bin first on PATH, so this is the go
		// command running the tests (runtime.GOROOT is deprecated).
		gobin, err := exec.LookPath("go")
		if err != nil {
			binErr = err
			return
		}
		dir, err := os.MkdirTemp("", "attend-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "attend")
		out, err := exec.Command(gobin, "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = &buildError{err, string(out)}
		}
	})
	if binErr != nil {
		t.Fatalf("building attend: %v", binErr)
	}
	return binPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// runBin runs the binary with args and stdin, with a deadline, and returns
// what it printed (stdout and stderr together) and its error.
func runBin(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, attendBinary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "ATTEND_DB=", "ATTEND_PASSPHRASE_FILE=", "ATTEND_LANG=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("attend %s did not finish within 30s: %s", strings.Join(args, " "), out.String())
	}
	return out.String(), err
}

// TestSymlinkedDatabaseIsRewrittenInPlace: every command that rewrites the
// file works on the file a link points at, and leaves the link a link.
func TestSymlinkedDatabaseIsRewrittenInPlace(t *testing.T) {
	secret := "Nodyn cyfrinachol"
	for _, tc := range []struct {
		name string
		args func(link, pass string) [][]string
		// gone: texts that must no longer be anywhere in the real file.
		gone []string
	}{
		{"encrypt", func(link, pass string) [][]string {
			return [][]string{{"encrypt", "--db", link, "--passphrase-file", pass}}
		}, []string{secret, "Aled Evans"}},
		{"erase", func(link, pass string) [][]string {
			return [][]string{{"erase", "--db", link, "--person", "Aled Evans", "--yes"}}
		}, []string{"Aled Evans"}},
		{"compact", func(link, pass string) [][]string {
			return [][]string{{"compact", "--db", link}}
		}, nil},
		{"passphrase", func(link, pass string) [][]string {
			newPass := pvPassFile(t, "another long passphrase\n", 0o600)
			return [][]string{
				{"encrypt", "--db", link, "--passphrase-file", pass},
				{"passphrase", "--db", link, "--passphrase-file", pass, "--new-passphrase-file", newPass},
				{"check", "--db", link, "--passphrase-file", newPass},
			}
		}, []string{secret}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			real := pvSampleDB(t)
			link := filepath.Join(t.TempDir(), "link.db")
			if err := os.Symlink(real, link); err != nil {
				t.Fatal(err)
			}
			pass := pvPassFile(t, "a long enough passphrase\n", 0o600)
			for _, args := range tc.args(link, pass) {
				if out, err := runBin(t, "", args...); err != nil {
					t.Fatalf("attend %v: %v\n%s", args, err, out)
				}
			}
			fi, err := os.Lstat(link)
			if err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("%s is no longer a link (%v, %v): the command replaced the link, not the file", link, fi.Mode(), err)
			}
			if got, _ := os.Readlink(link); got != real {
				t.Fatalf("the link now points at %s, not %s", got, real)
			}
			for _, text := range tc.gone {
				if pvFileHolds(t, real, text) {
					t.Errorf("%s still holds %q after %s through a link", real, text, tc.name)
				}
			}
			if rfi, err := os.Stat(real); err != nil || rfi.Mode().Perm() != 0o600 {
				t.Errorf("real file mode %v, %v; want 0600", rfi.Mode(), err)
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(link), ".attend-*")); len(left) > 0 {
				t.Errorf("temporary files beside the link: %v", left)
			}
		})
	}
}

// TestNotARegularFileIsRefusedAtOnce: a named pipe, a folder or a device as
// --db is refused with a clear message, not waited on for ever.
func TestNotARegularFileIsRefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	link := filepath.Join(dir, "link-to-fifo.db")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "named pipe"},
		{link, "named pipe"},
		{dir, "folder"},
		{"/dev/null", "device"},
	} {
		for _, cmd := range []string{"check", "export", "compact", "log"} {
			start := time.Now()
			out, err := runBin(t, "", cmd, "--db", tc.path)
			if err == nil {
				t.Errorf("attend %s --db %s succeeded:\n%s", cmd, tc.path, out)
			}
			if !strings.Contains(out, tc.want) || !strings.Contains(out, "ordinary file") {
				t.Errorf("attend %s --db %s said %q; want it to name %q", cmd, tc.path, out, tc.want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("attend %s --db %s took %s", cmd, tc.path, d)
			}
		}
	}
}

// TestLeftBehindCopiesAreRemoved: the hidden copies a killed backup or
// encrypt leaves are named by check and removed at the next start.
func TestLeftBehindCopiesAreRemoved(t *testing.T) {
	db := pvSampleDB(t)
	dir := filepath.Dir(db)
	// What kill -9 during a backup into the same folder, and during
	// encrypt, leave: full copies of the file under hidden names.
	raw := readFile(t, db)
	left := []string{filepath.Join(dir, ".attend-backup-123456"), filepath.Join(dir, ".attend-rewrite-654321.db")}
	for _, l := range left {
		if err := os.WriteFile(l, raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, err := runBin(t, "", "check", "--db", db)
	if err == nil {
		t.Errorf("check passed with copies left beside the database:\n%s", out)
	}
	for _, l := range left {
		if !strings.Contains(out, l) {
			t.Errorf("check does not name %s:\n%s", l, out)
		}
		if _, err := os.Stat(l); err != nil {
			t.Errorf("check (read-only) removed %s", l)
		}
	}
	if out, err := runBin(t, "", "compact", "--db", db); err != nil {
		t.Fatalf("compact: %v\n%s", err, out)
	}
	for _, l := range left {
		if _, err := os.Stat(l); err == nil {
			t.Errorf("%s is still there after the next start", l)
		}
	}
	if out, err := runBin(t, "", "check", "--db", db); err != nil {
		t.Errorf("check after clean-up: %v\n%s", err, out)
	}
}

// TestKilledBackupLeavesNothingAfterNextStart kills a real backup part-way.
func TestKilledBackupLeavesNothingAfterNextStart(t *testing.T) {
	db := pvSampleDB(t)
	bin := attendBinary(t)
	dir := filepath.Dir(db)
	for try := 0; try < 20; try++ {
		cmd := exec.Command(bin, "backup", "--db", db, filepath.Join(dir, "copy.db"), "--force")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(try) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	if out, err := runBin(t, "", "log", "--db", db); err != nil {
		t.Fatalf("log: %v\n%s", err, out)
	}
	// log only reads; a start that may write removes what is left.
	if out, err := runBin(t, "", "retention", "--db", db, "--years", "6"); err != nil {
		t.Fatalf("retention: %v\n%s", err, out)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".attend-*")); len(left) > 0 {
		t.Errorf("left behind after the next start: %v", left)
	}
}

// TestNoHiddenTextReachesTheTerminal: text saved before the rule on what
// text may hold (escape sequences, bidi controls) comes out of every
// command that prints it as visible escapes.
func TestNoHiddenTextReachesTheTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := st.EnsurePerson("Siân Ŵyn")
	if err != nil {
		t.Fatal(err)
	}
	evil := "ok\x1b]0;pwned\x07 \x1b[2J\r\u202egnp.exe \u200b\u0085 <img src=x onerror=alert(1)>"
	s := coach.NewSession(p.ID, "en", time.Now())
	s.Date = coach.DateOf(time.Now())
	s.SetAnswer("help.obstacle", coach.Answer{Text: evil})
	s.Actions = []coach.Action{{ID: "", Text: "do it " + evil, Owner: coach.OwnerThem}}
	s.SetAnswer(coach.SaidID, coach.Answer{Text: evil})
	saved, err := st.SaveSession(s)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, args := range [][]string{
		{"log"}, {"log", "--grep", "gnp"}, {"show", saved.ID}, {"export", "--format", "md"},
		{"export", "--format", "md", "--person", "sian"}, {"actions"}, {"trends", "sian"}, {"cadence", "sian"},
	} {
		out, err := runBin(t, "", append(args, "--db", db)...)
		if err != nil {
			t.Errorf("attend %v: %v\n%s", args, err, out)
			continue
		}
		for _, bad := range []string{"\x1b", "\r", "\u202e", "\u200b", "\u0085", "\a"} {
			if strings.Contains(out, bad) {
				t.Errorf("attend %v printed %q:\n%q", args, bad, out)
			}
		}
	}
	out, _ := runBin(t, "", "show", saved.ID, "--db", db)
	// As Markdown, escaped once more: a viewer shows \x1b]0;pwned and <U+202E>gnp.exe.
	if !strings.Contains(out, `\\x1b\]0;pwned`) || !strings.Contains(out, `\<U+202E\>gnp.exe`) {
		t.Errorf("show does not make the hidden characters visible:\n%s", out)
	}
	out, _ = runBin(t, "", "actions", "--db", db)
	if !strings.Contains(out, `do it ok\x1b]0;pwned\x07 \x1b[2J\x0d<U+202E>gnp.exe`) {
		t.Errorf("actions does not make the hidden characters visible:\n%s", out)
	}
}

// TestImportSaysWhatItDid: edits with the same updated time are named, not
// silently dropped; a session moved to another person refuses the file.
func TestImportSaysWhatItDid(t *testing.T) {
	src := pvSampleDB(t)
	exported, err := runBin(t, "", "export", "--db", src)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sessions []coach.ExportSession `json:"sessions"`
		People   []coach.ExportPerson  `json:"people"`
	}
	if err := json.Unmarshal([]byte(exported), &doc); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "attend.json")
	if err := os.WriteFile(file, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "dst.db")
	if out, err := runBin(t, "", "import", "--db", dst, file); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	before := readFile(t, dst)

	edited := strings.Replace(exported, "Nodyn cyfrinachol am Siân Ŵyn rhif 0", "Nodyn wedi ei olygu", 1)
	if err := os.WriteFile(file, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runBin(t, "", "import", "--db", dst, file)
	if err != nil || strings.Contains(out, "nothing to import") || !strings.Contains(out, "other words than here") {
		t.Errorf("import of an edit with the same time: %v\n%s", err, out)
	}
	var editedID string
	for _, s := range doc.Sessions {
		for _, a := range s.Answers {
			if strings.Contains(a.Text, "rhif 0") {
				editedID = s.ID
			}
		}
	}
	if editedID == "" || !strings.Contains(out, editedID) {
		t.Errorf("the message does not name session %q:\n%s", editedID, out)
	}
	if !bytes.Equal(before, readFile(t, dst)) {
		t.Error("the database changed")
	}

	// Aled's session, said to be Siân's: refused whole, naming it.
	var aled, sian string
	for _, p := range doc.People {
		if strings.HasPrefix(p.Name, "Aled") {
			aled = p.ID
		} else {
			sian = p.ID
		}
	}
	moved := exported
	for i, s := range doc.Sessions {
		if s.PersonID == aled {
			moved = strings.Replace(moved, `"person_id": "`+aled+`"`, `"person_id": "`+sian+`"`, 1)
			updated := s.Updated.Add(time.Hour).UTC().Format(time.RFC3339Nano)
			moved = strings.Replace(moved, `"updated": "`+s.Updated.Format(time.RFC3339Nano)+`"`, `"updated": "`+updated+`"`, 1)
			want := "sessions[" + string(rune('0'+i)) + "].id: " + s.ID
			if err := os.WriteFile(file, []byte(moved), 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := runBin(t, "", "import", "--db", dst, file)
			if err == nil || !strings.Contains(out, want) || !strings.Contains(out, "never moves") {
				t.Errorf("a session moved to another person: %v\n%s\nwant it to name %q", err, out, want)
			}
		}
	}
	if !bytes.Equal(before, readFile(t, dst)) {
		t.Error("a refused import changed the database")
	}
}

// A passphrase file others can change is called that, not "readable".
func TestPassphraseFileSaysWhoElse(t *testing.T) {
	for mode, want := range map[os.FileMode]string{
		0o620: "can be changed by other people",
		0o602: "can be changed by other people",
		0o640: "can be read by other people",
		0o660: "can be read and changed by other people",
		0o610: "is open to other people",
	} {
		_, err := readPassphraseFile(pvPassFile(t, "cyfrinair hir\n", mode))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("mode %v: %v, want it to say %q", mode, err, want)
		}
		if want != "can be read by other people" && want != "can be read and changed by other people" && strings.Contains(err.Error(), "read by") {
			t.Errorf("mode %v: %v says read", mode, err)
		}
	}
}
