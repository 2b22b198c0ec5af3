package main

import (
	"errors"
	"math"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"attend/coach"
)

// TestDemoSameSeedTwice checks that a seed already in a file adds nothing,
// on the same day or another, and says so; another seed still adds.
func TestDemoSameSeedTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustAttend(t, "demo", "--sessions", "200", "--seed", "3", "--db", db)
	before := contents(t, db)

	out := mustAttend(t, "demo", "--sessions", "200", "--seed", "3", "--db", db)
	if !strings.Contains(out, "nothing added: seed 3 is already in") {
		t.Errorf("second run said %q", out)
	}
	// A different size with the same seed is still the same seed.
	mustAttend(t, "demo", "--sessions", "50", "--seed", "3", "--db", db)
	if after := contents(t, db); !slices.Equal(before, after) {
		t.Fatalf("running seed 3 again changed the file: %d sessions, then %d", len(before), len(after))
	}

	// Another day: the dates move, but the seed is known by its mark.
	g, err := coach.LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	res, err := runDemo(db, nil, g, coach.DemoOptions{Seed: 3, Sessions: 200, Today: coach.DateOf(time.Now()).AddDays(9)}, nil)
	if err != nil || !res.already || res.sessions != 0 {
		t.Fatalf("seed 3 nine days later: %+v, %v", res, err)
	}

	mustAttend(t, "demo", "--sessions", "40", "--seed", "4", "--db", db)
	if n := len(contents(t, db)); n != len(before)+40 {
		t.Errorf("%d sessions after adding seed 4's 40 to %d", n, len(before))
	}
}

// TestDemoHalfWritten checks that a seed whose earlier run stopped part
// way is refused, not guessed at.
func TestDemoHalfWritten(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	g, err := coach.LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	opt := coach.DemoOptions{Seed: 5, Sessions: 300, Today: coach.DateOf(time.Now())}
	d, err := coach.NewDemo(opt)
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t, db)
	people, _, err := st.EnsurePeople(d.People())
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for d.Count(i) == 0 {
		i++
	}
	var first []coach.Session
	for s := range d.Sessions(i) {
		s.PersonID = people[i].ID
		first = append(first, s)
	}
	if err := st.SaveSessions(first); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, err = runDemo(db, nil, g, opt, nil)
	if !errors.Is(err, errDemoPartial) || !strings.Contains(err.Error(), "stopped part way") {
		t.Fatalf("half-written seed: %v", err)
	}
}

// TestDemoStoppedAfterFirstBatch: demo writes in the order of dates, so a
// run that stopped after its first transactions holds the earliest
// sessions of many people, though not the last person's (held for the
// last transaction). It is refused as stopped part way, not taken as done.
func TestDemoStoppedAfterFirstBatch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	g, err := coach.LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	opt := coach.DemoOptions{Seed: 6, Sessions: 400, Today: coach.DateOf(time.Now())}
	d, err := coach.NewDemo(opt)
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t, db)
	people, _, err := st.EnsurePeople(d.People())
	if err != nil {
		t.Fatal(err)
	}
	last := lastWithSessions(d)
	var first []coach.Session
	seen := map[int]bool{}
	for i, s := range d.AllSessions() {
		if i == last {
			continue
		}
		s.PersonID = people[i].ID
		first = append(first, s)
		seen[i] = true
		if len(first) == 200 {
			break
		}
	}
	if len(seen) < 3 {
		t.Fatalf("the first 200 sessions in date order are of %d people", len(seen))
	}
	if err := st.SaveSessions(first); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, err = runDemo(db, nil, g, opt, nil)
	if !errors.Is(err, errDemoPartial) {
		t.Fatalf("a run stopped after its first batch: %v", err)
	}
}

// TestLessGCLeavesUsersSettingsAlone: demo collects less often while it
// writes, then puts the collector back as it was; a GOGC set laxer, or a
// memory limit set lower, by whoever runs it is not overridden.
func TestLessGCLeavesUsersSettingsAlone(t *testing.T) {
	pct := debug.SetGCPercent(100)
	lim := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(pct); debug.SetMemoryLimit(lim) })

	restore := lessGC(400, 512<<20)
	if got := debug.SetGCPercent(-1); got != 400 {
		t.Errorf("GOGC while writing: %d, want 400", got)
	}
	debug.SetGCPercent(400)
	if got := debug.SetMemoryLimit(-1); got != 512<<20 {
		t.Errorf("memory limit while writing: %d", got)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC after: %d, want 100 back", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit after: %d", got)
	}

	debug.SetGCPercent(-1) // GOGC=off
	lessGC(400, 512<<20)()
	if got := debug.SetGCPercent(100); got != -1 {
		t.Errorf("GOGC=off became %d", got)
	}
	debug.SetMemoryLimit(100 << 20) // a stricter GOMEMLIMIT
	lessGC(400, 512<<20)()
	if got := debug.SetMemoryLimit(-1); got != 100<<20 {
		t.Errorf("a 100 MiB limit became %d", got)
	}
}
