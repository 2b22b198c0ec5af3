//go:build unix

package data

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"attend/coach"
)

// window is a child process acting as an attend window: it marks itself
// present, writes a draft for the person named run, says "ready" and waits
// (until killed, or until stdin closes, when it leaves cleanly).
func window(path, person string) {
	s, err := Open(path, Options{LockTimeout: 5 * time.Second})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	p, _, err := s.EnsurePerson(person)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	d := coach.NewSession(p.ID, "cy", time.Now())
	d.Writer = coach.NewID(time.Now())
	release, err := s.Present(d.Writer)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	d.SetAnswer("checkin.head", coach.Answer{Text: "Bore da, Siân 🌻"})
	if err := s.SaveDraft(d); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	s.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	release()
}

func startWindow(t *testing.T, path, person string) *child {
	t.Helper()
	c := startChild(t, "window", path, childRunEnv+"="+person)
	select {
	case line := <-c.lines:
		if line != "ready" {
			t.Fatalf("window: %s", line)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the window did not start")
	}
	return c
}

func draftOf(t *testing.T, s *Store, name string) coach.Session {
	t.Helper()
	p, _, err := s.FindPerson(name)
	if err != nil {
		t.Fatal(err)
	}
	d, ok, err := s.Draft(p.ID)
	if err != nil || !ok {
		t.Fatalf("no draft for %s: %v", name, err)
	}
	return d
}

// A draft whose window was killed (kill -9, a closed terminal) opens as
// left, so the next window carries on at once; one whose window is still
// open stays held. Nothing else about the draft changes.
func TestADraftOfAWindowThatDiedIsLeft(t *testing.T) {
	path := testPath(t)
	openTest(t, path).Close()
	alive := startWindow(t, path, "Siân Llŷr")
	killed := startWindow(t, path, "Aled Evans")
	killed.Process.Kill()
	killed.Wait()

	s := openTest(t, path)
	if d := draftOf(t, s, "Siân Llŷr"); d.Left || d.Writer == "" {
		t.Errorf("a live window's draft reads as left (%v) or without its writer", d.Left)
	}
	d := draftOf(t, s, "Aled Evans")
	if !d.Left {
		t.Errorf("a killed window's draft is still held")
	}
	if d.Answers(coach.PartPrep)["checkin.head"].Text != "Bore da, Siân 🌻" {
		t.Errorf("the draft's words changed: %+v", d.Prep)
	}
	// The mark is read, not taken away: the next window still sees it gone.
	if d := draftOf(t, s, "Aled Evans"); !d.Left {
		t.Errorf("a second look finds the killed window's draft held")
	}

	// A window that leaves cleanly takes its file with it.
	alive.stdin.Close()
	alive.Wait()
	entries, _ := os.ReadDir(windowsDir(s.Path()))
	if len(entries) != 1 {
		t.Errorf("window files after one window left and one was killed: %d, want 1 (the killed one's)", len(entries))
	}
}

// The folder and files are private, and a writer id from the file that is
// not one attend makes is never turned into a path.
func TestWindowFilesArePrivateAndNamesChecked(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	id := coach.NewID(time.Now())
	release, err := s.Present(id)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	dir := windowsDir(s.Path())
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("window folder: %v, %v", fi.Mode(), err)
	}
	if fi, err := os.Stat(filepath.Join(dir, id)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("window file: %v, %v", fi.Mode(), err)
	}
	if s.writerGone(id) {
		t.Error("this window reads as gone while it holds its mark")
	}
	outside := filepath.Join(filepath.Dir(path), "outside")
	if err := os.WriteFile(outside, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"../outside", "/etc/passwd", "", "01J0000000000000000000000/"} {
		if s.writerGone(w) {
			t.Errorf("writer %q read as a window that has gone", w)
		}
		if _, err := s.Present(w); err == nil {
			t.Errorf("Present(%q) made a mark", w)
		}
	}
}

// Where the folder should be there is a link: nothing is made through it.
func TestWindowsFolderThatIsALinkIsNotUsed(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	elsewhere := t.TempDir()
	if err := os.Symlink(elsewhere, windowsDir(s.Path())); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Present(coach.NewID(time.Now())); err == nil {
		t.Error("Present used a folder that is a link")
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("files made through the link: %d", len(entries))
	}
}

// Files of windows gone for over a day are cleared by the next window;
// younger ones stay (a draft may still name them), and so does one held.
func TestOldWindowFilesAreSwept(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	held := coach.NewID(time.Now())
	release, err := s.Present(held)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	dir := windowsDir(s.Path())
	old, young, other := coach.NewID(time.Now()), coach.NewID(time.Now()), "notes.txt"
	for _, n := range []string{old, young, other} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-25 * time.Hour)
	for _, n := range []string{old, held, other} {
		if err := os.Chtimes(filepath.Join(dir, n), long, long); err != nil {
			t.Fatal(err)
		}
	}
	r2, err := s.Present(coach.NewID(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	r2()
	for n, want := range map[string]bool{old: false, young: true, held: true, other: true} {
		if _, err := os.Stat(filepath.Join(dir, n)); (err == nil) != want {
			t.Errorf("%s: there %v, want %v", n, err == nil, want)
		}
	}
}
