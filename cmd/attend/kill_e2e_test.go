package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"attend/coach"
	"attend/data"
)

// bigDB makes a database big enough that rewriting it takes a while: the
// person to erase ("Aled Evans", with a few sessions) and n sessions of
// someone else.
func bigDB(t *testing.T, n int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	aled, _, err := st.EnsurePerson("Aled Evans")
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := st.EnsurePerson("Siân Ŵyn")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	var batch []coach.Session
	for i := range n + 5 {
		p := other
		if i < 5 {
			p = aled
		}
		s := coach.NewSession(p.ID, "en", now)
		s.Date = coach.DateOf(now.AddDate(0, 0, -i%3000))
		s.SetAnswer("agenda.said", coach.Answer{Text: fmt.Sprintf("Session %d: the rota, the nights, and what would help %s most", i, p.Name)})
		s.Actions = []coach.Action{{Text: "Ask about the training budget", Owner: coach.OwnerMe}}
		batch = append(batch, s)
		if len(batch) == 500 {
			if err := st.SaveSessions(batch); err != nil {
				t.Fatal(err)
			}
			batch = nil
		}
	}
	if err := st.SaveSessions(batch); err != nil {
		t.Fatal(err)
	}
	return db
}

// killDuringRewrite runs attend with args and kills it (SIGKILL) as soon as
// its rewrite's new file appears beside db: after the change was
// committed, before the new file replaces the old. It reports whether the
// kill landed in that window (false: attend had already finished).
func killDuringRewrite(t *testing.T, db string, args ...string) bool {
	t.Helper()
	cmd := exec.Command(attendBinary(t), args...)
	cmd.Env = append(os.Environ(), "ATTEND_DB=", "ATTEND_PASSPHRASE_FILE=", "ATTEND_LANG=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case err := <-done:
			t.Logf("attend %s finished before the kill (%v): %s", args[0], err, out.String())
			return false
		case <-deadline:
			_ = cmd.Process.Kill()
			<-done
			t.Fatalf("attend %s did not start its rewrite within 60s: %s", args[0], out.String())
		default:
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(db), ".attend-rewrite-*")); len(left) > 0 {
			_ = cmd.Process.Kill()
			<-done
			return true
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// TestKilledEraseIsFinishedOnNextStart: kill -9 while erase rewrites the
// file. The erased records are still in free pages then; check must say so
// (and what to run), and the next command that may write must finish the
// rewrite, so that nothing of them is left.
func TestKilledEraseIsFinishedOnNextStart(t *testing.T) {
	var db string
	for try := 0; ; try++ {
		db = bigDB(t, 3000)
		if killDuringRewrite(t, db, "erase", "--db", db, "--person", "Aled Evans", "--yes") {
			break
		}
		if try == 2 {
			t.Fatal("erase finished before it could be killed, three times")
		}
	}
	if !pvFileHolds(t, db, "Aled Evans") {
		t.Fatal("the erased name is not in the file after the kill: the test did not catch the window it is about")
	}
	out, err := runBin(t, "", "check", "--db", db)
	if err == nil || strings.Contains(out, "no faults") || !strings.Contains(out, "attend compact") || !strings.Contains(out, "erasure") {
		t.Fatalf("check after a killed erase (%v):\n%s", err, out)
	}
	// Reading changes nothing.
	if out, err := runBin(t, "", "log", "--db", db, "--limit", "1"); err != nil {
		t.Fatalf("log: %v\n%s", err, out)
	}
	if !pvFileHolds(t, db, "Aled Evans") {
		t.Fatal("a read-only command rewrote the file")
	}
	// The next command that may write finishes the rewrite first, then
	// finds no Aled to erase.
	out, err = runBin(t, "", "erase", "--db", db, "--person", "Aled Evans", "--yes")
	if err == nil {
		t.Errorf("a second erase of the same person succeeded:\n%s", out)
	}
	if pvFileHolds(t, db, "Aled Evans") {
		t.Error("the erased name is still in the file after the next start")
	}
	if out, err := runBin(t, "", "check", "--db", db); err != nil || !strings.Contains(out, "no faults") {
		t.Errorf("check after the next start (%v):\n%s", err, out)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(db), ".attend-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestKilledPassphraseChangeIsFinishedOnNextStart: kill -9 while passphrase
// rewrites the file. The key wrapped under the old passphrase is still in a
// free page then; check must say so, and the next start must clear it.
func TestKilledPassphraseChangeIsFinishedOnNextStart(t *testing.T) {
	oldPass := pvPassFile(t, "a long enough passphrase\n", 0o600)
	newPass := pvPassFile(t, "another long passphrase\n", 0o600)
	salts := regexp.MustCompile(`"salt":"[^"]+"`)
	var db string
	var oldSalt []byte
	for try := 0; ; try++ {
		db = bigDB(t, 3000)
		if out, err := runBin(t, "", "encrypt", "--db", db, "--passphrase-file", oldPass); err != nil {
			t.Fatalf("encrypt: %v\n%s", err, out)
		}
		oldSalt = salts.Find(readFile(t, db))
		if killDuringRewrite(t, db, "passphrase", "--db", db, "--passphrase-file", oldPass, "--new-passphrase-file", newPass) {
			break
		}
		if try == 2 {
			t.Fatal("passphrase finished before it could be killed, three times")
		}
	}
	// The old key record (its salt) is still in a free page.
	if !bytes.Contains(readFile(t, db), oldSalt) {
		t.Fatal("the old key record is not in the file after the kill: the test did not catch the window it is about")
	}
	out, err := runBin(t, "", "check", "--db", db, "--passphrase-file", newPass)
	if err == nil || strings.Contains(out, "no faults") || !strings.Contains(out, "old passphrase") || !strings.Contains(out, "attend compact") {
		t.Fatalf("check after a killed passphrase change (%v):\n%s", err, out)
	}
	if out, err := runBin(t, "", "retention", "--db", db, "--years", "6", "--passphrase-file", newPass); err != nil {
		t.Fatalf("retention: %v\n%s", err, out)
	}
	if bytes.Contains(readFile(t, db), oldSalt) {
		t.Error("the old key record is still in the file after the next start")
	}
	if out, err := runBin(t, "", "check", "--db", db, "--passphrase-file", newPass); err != nil || !strings.Contains(out, "no faults") {
		t.Errorf("check after the next start (%v):\n%s", err, out)
	}
}
