package data

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// Some tests need a second process: one that holds the file's lock, or one
// that is killed in the middle of saving. They re-execute this test binary
// with ATTEND_TEST_CHILD set, which makes TestChild run as that process.
const (
	childEnv     = "ATTEND_TEST_CHILD"
	childDBEnv   = "ATTEND_TEST_DB"
	childPassEnv = "ATTEND_TEST_PASS"
	childRunEnv  = "ATTEND_TEST_RUN"
)

// TestChild is not a test of its own: it is the body of the child
// processes the tests below start, and skips otherwise.
func TestChild(t *testing.T) {
	mode := os.Getenv(childEnv)
	if mode == "" {
		t.Skip("runs only as a child process of another test")
	}
	path := os.Getenv(childDBEnv)
	switch mode {
	case "hold":
		db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: 5 * time.Second})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		defer db.Close()
		fmt.Println("holding")
		io.Copy(io.Discard, os.Stdin) // until the parent closes stdin or kills us
	case "save":
		saveLoop(path, []byte(os.Getenv(childPassEnv)), os.Getenv(childRunEnv))
	case "window":
		window(path, os.Getenv(childRunEnv))
	}
	os.Exit(0)
}

// killNote is the text the save loop writes in session i of a run: long
// enough that a commit spans several pages.
func killNote(run string, i int) string {
	return fmt.Sprintf("Nodyn %s-%d: Siân yn iawn 🌻 ŵ ŷ â.", run, i) + strings.Repeat(" Mae'r gwaith yn drwm ond mae'r tîm yn gefnogol.", 40+i%7*10)
}

// saveLoop saves sessions as fast as it can and prints "ID RUN I" after
// each SaveSession returns, so the parent knows it was committed.
func saveLoop(path string, pass []byte, run string) {
	s, err := Open(path, Options{Passphrase: pass, LockTimeout: 5 * time.Second})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	p, _, err := s.EnsurePerson("Siân Ŵyn")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		sess := coach.NewSession(p.ID, "cy", time.Now())
		sess.SetAnswer("checkin.head", coach.Answer{Text: killNote(run, i)})
		sess.SetAnswer("needs.workload", coach.Answer{Rating: 1 + i%5, Text: "llwyth"})
		sess.Actions = []coach.Action{{Text: fmt.Sprintf("Gweithred %s-%d", run, i), Owner: coach.OwnerMe}}
		// As the app does: the draft autosaves, then the save replaces it.
		if err := s.SaveDraft(sess); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		saved, err := s.SaveSession(sess)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stdout, "%s %s %d\n", saved.ID, run, i) // one write: the line is whole or absent
	}
}

// child is a running child process and its output, line by line.
type child struct {
	*exec.Cmd
	lines chan string
	stdin io.WriteCloser
}

func startChild(t testing.TB, mode, path string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), append([]string{childEnv + "=" + mode, childDBEnv + "=" + path}, env...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{Cmd: cmd, lines: make(chan string, 1<<16), stdin: in}
	go func() {
		defer close(c.lines)
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return // a line cut off by the kill has no newline: not reported
			}
			c.lines <- strings.TrimSuffix(line, "\n")
		}
	}()
	t.Cleanup(func() {
		c.stdin.Close()
		c.Process.Kill()
		c.Wait()
	})
	if mode == "hold" {
		select {
		case line := <-c.lines:
			if line != "holding" {
				t.Fatalf("child: %s", line)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the child did not take the lock")
		}
	}
	return c
}

// TestKillLoop kills a child attend with SIGKILL at random moments while it
// saves sessions in a tight loop, then checks the file and that every
// session the child reported as saved is there, whole.
func TestKillLoop(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	iterations := 24
	if testing.Short() {
		iterations = 6
	}
	dir := t.TempDir()
	plain, sealed := dir+"/plain.db", dir+"/sealed.db"
	openTest(t, plain).Close()
	openTest(t, sealed).Close()
	if err := Encrypt(sealed, testPass); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	type committed struct {
		id, run string
		i       int
	}
	reported := map[string][]committed{}
	start := time.Now()
	survived, total, early := 0, 0, 0
	for it := range iterations {
		path, pass := plain, []byte(nil)
		if it%2 == 1 {
			path, pass = sealed, testPass
		}
		run := fmt.Sprintf("r%02d", it)
		c := startChild(t, "save", path, childPassEnv+"="+string(pass), childRunEnv+"="+run)
		var got []committed
		collect := func(line string) {
			var cm committed
			if _, err := fmt.Sscanf(line, "%s %s %d", &cm.id, &cm.run, &cm.i); err != nil || cm.run != run {
				t.Fatalf("child said: %q", line)
			}
			got = append(got, cm)
		}
		if it%4 == 3 {
			// Kill at any moment, even while it opens the file.
			time.Sleep(time.Duration(rng.IntN(120)) * time.Millisecond)
			early++
		} else {
			select {
			case line, ok := <-c.lines:
				if !ok {
					t.Fatal("the child ended before saving anything")
				}
				collect(line)
			case <-time.After(15 * time.Second):
				t.Fatal("the child saved nothing in 15s")
			}
			time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		}
		c.Process.Signal(syscall.SIGKILL)
		c.Wait()
		for line := range c.lines {
			collect(line)
		}
		reported[path] = append(reported[path], got...)
		total += len(got)

		// After every kill: the file opens, checks clean, and holds every
		// session reported so far, exactly.
		s, err := Open(path, Options{Passphrase: pass})
		if err != nil {
			t.Fatalf("iteration %d: open after kill: %v", it, err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("iteration %d: Check after kill: %v", it, err)
		}
		for _, cm := range reported[path] {
			sess, err := s.Session(cm.id)
			if err != nil {
				t.Fatalf("iteration %d: session %s (%s-%d) reported saved, now: %v", it, cm.id, cm.run, cm.i, err)
			}
			if sess.Answer("checkin.head").Text != killNote(cm.run, cm.i) || sess.IsDraft() ||
				len(sess.Actions) != 1 || sess.Actions[0].Text != fmt.Sprintf("Gweithred %s-%d", cm.run, cm.i) {
				t.Fatalf("iteration %d: session %s is not intact", it, cm.id)
			}
		}
		s.Close()
		survived++
	}
	t.Logf("kill loop: %d kills survived (%d before the first save), %d committed sessions all intact, in %v",
		survived, early, total, time.Since(start).Round(time.Millisecond))
	if assertNoPlaintext(t, sealed, []string{"Siân", "Nodyn", "Gweithred"}); t.Failed() {
		t.Error("the encrypted file leaked text")
	}
}
