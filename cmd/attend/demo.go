package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

func newDemoCmd(o *options) *cobra.Command {
	var sessions, people int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "demo --sessions N",
		Short: "Fill a database with made-up people and sessions, to try attend",
		Long: `demo adds fictional people, with Welsh and English names, and their saved
sessions. Each session follows one story (rota gaps, a resident's death, new
to the role, a complaint, a flexible-working request, training due, a good
month, a return from sick leave) through the prep, the meeting record, the
ratings, the actions and the reflection, and a person's stories carry on
from one session to the next. Old actions are mostly done or dropped; a few
are overdue. Nothing in it is real. The notes are written in the language
attend speaks (--lang cy or ATTEND_LANG=cy for Welsh).

Without --db (or ATTEND_DB) it writes to a file of its own, attend-demo.db
beside your database, never into your database, and says how to open it.

The same --seed always makes the same names, notes, ratings and dates (up to
today), and running a seed that is already in the file adds nothing: it says
so. Another seed adds more people and sessions.

demo only adds to a database that holds nothing but demo people: if the file
holds anyone real, it refuses and writes nothing. Give it a file of its own.`,
		Example: `  attend demo --sessions 300 --db /tmp/attend-demo.db
  ATTEND_DB=/tmp/attend-demo.db attend demo --sessions 10000 --seed 42`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			if !cmd.Flags().Changed("sessions") {
				return usageError{errors.New(l.T("cli.demo.how"))}
			}
			if sessions < 1 || sessions > coach.MaxDemoSessions {
				return usageError{errors.New(l.T("cli.demo.sessions", "Max", coach.MaxDemoSessions, "N", sessions))}
			}
			if people < 0 || people > coach.MaxDemoPeople {
				return usageError{errors.New(l.T("cli.demo.people", "Max", coach.MaxDemoPeople, "N", people))}
			}
			guide, err := o.guide()
			if err != nil {
				return err
			}
			path, own, err := demoPath(o)
			if err != nil {
				return err
			}
			opt := coach.DemoOptions{Seed: seed, Sessions: sessions, People: people, Today: today(), Lang: guide.Lang}
			var progress func(done, total int)
			if f := cmd.ErrOrStderr(); isTerminal(f) {
				progress = func(done, total int) {
					fmt.Fprint(f, "\r"+l.T("cli.demo.progress", "Done", msg.Thousands(done), "Total", msg.Thousands(total)))
					if done == total {
						fmt.Fprint(f, "\r"+ansi.EraseLineRight)
					}
				}
			}
			// An encrypted file (most unlikely for demo data) opens with
			// --passphrase-file; demo does not ask on the terminal.
			pass, _, err := o.passphraseFromFile()
			if err != nil {
				return err
			}
			defer clear(pass)
			res, err := runDemo(path, pass, guide, opt, progress)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if res.already {
				fmt.Fprintln(out, l.T("cli.demo.already", "Seed", seed, "Path", res.path))
			} else {
				fmt.Fprintln(out, l.T("cli.demo.added", "People", counted(l, "cli.demo.count.people", res.people), "New", msg.Thousands(res.newPeople),
					"Sessions", counted(l, "cli.demo.count.sessions", res.sessions), "Actions", counted(l, "cli.demo.count.actions", res.actions),
					"Path", res.path, "Took", l.Duration(res.elapsed.Round(time.Millisecond))))
			}
			if own {
				fmt.Fprintln(out, l.T("cli.demo.own", "Path", shellArg(res.path)))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&sessions, "sessions", 0, "how many sessions to make, in all (required)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "the same seed makes the same demo")
	cmd.Flags().IntVar(&people, "people", 0, "how many people (default: one for every 40 sessions, at least 5)")
	return cmd
}

// demoFile is the name of demo's own file, beside the default database.
const demoFile = "attend-demo.db"

// demoPath is where demo writes: --db or ATTEND_DB when given (the default
// database too, if named on purpose), else a file of its own, attend-demo.db
// beside the default database, so that trying attend never fills the
// manager's own records with made-up people. own says it is that file.
func demoPath(o *options) (path string, own bool, err error) {
	if o.dbNamed() {
		path, err = o.dbPath()
		return path, false, err
	}
	def, err := data.DefaultPath(o.load().dataHome)
	if err != nil {
		return "", false, err
	}
	return filepath.Join(filepath.Dir(def), demoFile), true, nil
}

// errRealPeople is why demo refuses a database.
var errRealPeople = errors.New("demo refused")

// errDemoPartial is why demo refuses a file an earlier run of the same seed
// stopped part way through.
var errDemoPartial = errors.New("demo stopped part way before")

type demoResult struct {
	people, newPeople, sessions, actions int
	elapsed                              time.Duration
	path                                 string
	// already says the seed was in the file already: nothing was written.
	already bool
}

// demoBatch is how many sessions demo saves per transaction: the most the
// store takes in one, so that a transaction's fixed cost (two opens of the
// file, a sync, rewriting the pages it touched) is shared as widely as it
// can be.
const demoBatch = data.MaxBatch

// runDemo writes a demo through the store's public calls: EnsurePeople for
// everyone (marked Demo, with their cadence), then everyone's sessions in
// the order of their dates, with PrepareSessions and SavePrepared in
// batches of demoBatch, made and prepared while the last batch is written.
// People and sessions keep the made-up times they come with, so that they
// are created, and saved, on the days the story says.
//
// A seed already in the file (its ids carry the seed's mark) adds nothing:
// res.already says so.
func runDemo(path string, passphrase []byte, guide *coach.Guide, opt coach.DemoOptions, progress func(done, total int)) (demoResult, error) {
	start := time.Now()
	var res demoResult
	l := msg.New(guide.Lang)

	// Look before opening for writing: a read-only open writes nothing,
	// even to a file that needs an upgrade.
	if ro, err := data.Open(path, data.Options{ReadOnly: true, Guide: guide, Passphrase: passphrase}); err == nil {
		people, err := ro.People()
		ro.Close()
		if err != nil {
			return res, err
		}
		if err := refuseReal(l, path, people); err != nil {
			return res, err
		}
	} else if !errors.Is(err, data.ErrNoDatabase) {
		return res, err
	}

	st, err := data.Open(path, data.Options{Guide: guide, Passphrase: passphrase})
	if err != nil {
		return res, err
	}
	defer st.Close()
	res.path = st.Path()
	// Again, now that it is ours: someone may have added a person meanwhile.
	before, err := st.People()
	if err != nil {
		return res, err
	}
	if err := refuseReal(l, path, before); err != nil {
		return res, err
	}

	d, err := coach.NewDemo(opt)
	if err != nil {
		return res, usageError{err}
	}
	if res.already, err = demoAlreadyIn(l, st, d, before); err != nil || res.already {
		return res, err
	}

	// Everyone first, in one transaction: found by name (a demo person
	// from an earlier demo) or added, marked Demo, with their cadence and
	// made-up creation time.
	people, created, err := st.EnsurePeople(d.People())
	if err != nil {
		return res, err
	}
	for i, p := range people {
		if !p.Demo {
			return res, refuseReal(l, path, []coach.Person{p})
		}
		res.people++
		if created[i] {
			res.newPeople++
		}
	}

	// Three stages on their own goroutines, so that both cores stay busy:
	// make the sessions, everyone's in the order of their dates (so their
	// keys reach the file about in order, and its pages are left full);
	// prepare each batch (PrepareSessions, on every core); and write it
	// (SavePrepared, here) while the next is prepared. At most a batch
	// waits between stages, so memory stays a few batches.
	// Most of what demo allocates is garbage within a batch, and what
	// lives is a few batches (about 150 MB): collecting four times less
	// often saves about a sixth of the CPU. The heap may grow to 512 MiB
	// before the collector runs sooner again. A GOGC or GOMEMLIMIT the
	// user set that is already laxer (or stricter) is left alone.
	defer lessGC(400, 512<<20)()

	type prepared struct {
		p       *data.PreparedSessions
		actions int
	}
	raw := make(chan []coach.Session, 1)
	ready := make(chan prepared, 1)
	failed := make(chan error, 1)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer func() {
		close(stop)
		wg.Wait()
	}()
	wg.Go(func() {
		defer close(raw)
		send := func(b []coach.Session) bool {
			if len(b) == 0 {
				return true
			}
			select {
			case raw <- b:
				return true
			case <-stop:
				return false
			}
		}
		// The last person's sessions are held back for the last
		// transaction: finding them in the file says that a run finished
		// (demoAlreadyIn).
		last := lastWithSessions(d)
		var held []coach.Session
		batch := make([]coach.Session, 0, demoBatch)
		for i, s := range d.AllSessions() {
			s.PersonID = people[i].ID
			if i == last {
				held = append(held, s)
				continue
			}
			if batch = append(batch, s); len(batch) == demoBatch {
				if !send(batch) {
					return
				}
				batch = make([]coach.Session, 0, demoBatch)
			}
		}
		if len(batch)+len(held) > demoBatch {
			if !send(batch) {
				return
			}
			batch = nil
		}
		for len(held) > demoBatch { // one person with more than a batch (--people 1)
			if !send(held[:demoBatch]) {
				return
			}
			held = held[demoBatch:]
		}
		send(append(batch, held...))
	})
	wg.Go(func() {
		defer close(ready)
		for batch := range raw {
			p, err := st.PrepareSessions(batch)
			if err != nil {
				failed <- err
				return
			}
			n := 0
			for _, s := range batch {
				n += len(s.Actions)
			}
			select {
			case ready <- prepared{p, n}:
			case <-stop:
				return
			}
		}
	})
	for b := range ready {
		if err := st.SavePrepared(b.p); err != nil {
			return res, err
		}
		res.sessions += b.p.Len()
		res.actions += b.actions
		if progress != nil {
			progress(res.sessions, opt.Sessions)
		}
	}
	select {
	case err := <-failed:
		return res, err
	default:
	}
	res.elapsed = time.Since(start)
	return res, nil
}

// lastWithSessions is the last of the demo's people with any session, -1
// when none has.
func lastWithSessions(d *coach.Demo) int {
	last := -1
	for i := range d.People() {
		if d.Count(i) > 0 {
			last = i
		}
	}
	return last
}

// lessGC makes the collector run less often, to gcPercent and a heap of
// at most limit bytes, unless the process is set laxer already (GOGC
// higher or off) or its memory limit is lower; the returned func puts
// both back.
func lessGC(gcPercent int, limit int64) (restore func()) {
	oldPercent := debug.SetGCPercent(-1)
	debug.SetGCPercent(oldPercent)
	oldLimit := debug.SetMemoryLimit(-1) // a negative limit only reads it
	if oldPercent < 0 || oldPercent >= gcPercent || oldLimit < limit {
		return func() {}
	}
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(limit)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// demoAlreadyIn reports whether the file holds this demo's seed already:
// some session in it was made by the seed. demo writes everyone's
// sessions in the order of their dates (Demo.AllSessions), but the last
// person's in its last transaction (attend before wrote person by person,
// so theirs came last too): a seed whose last person has none of its
// sessions in the file is an earlier run that stopped part way, and demo
// will not guess which sessions are missing.
func demoAlreadyIn(l *msg.Lang, st *data.Store, d *coach.Demo, stored []coach.Person) (bool, error) {
	byName := make(map[string]coach.Person, len(stored))
	for _, p := range stored {
		byName[coach.Fold(p.Name)] = p
	}
	last := lastWithSessions(d)
	if last < 0 || len(stored) == 0 {
		return false, nil
	}
	sums, _, err := st.Summaries("", "", 0)
	if err != nil {
		return false, err
	}
	lastP, lastKnown := byName[coach.Fold(d.People()[last].Name)]
	in := false
	for _, s := range sums {
		if !d.Made(s.ID) {
			continue
		}
		if lastKnown && s.PersonID == lastP.ID {
			return true, nil // the last person's sessions are in: the run finished
		}
		in = true
	}
	if !in {
		return false, nil
	}
	return false, &saidErr{text: l.T("cli.demo.partial", "Seed", d.Seed(), "Path", st.Path()), err: errDemoPartial}
}

// refuseReal is an error if anyone in people is not a demo person. It
// gives a count, never a name: the names are personal data.
func refuseReal(l *msg.Lang, path string, people []coach.Person) error {
	n := 0
	for _, p := range people {
		if !p.Demo {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return &saidErr{text: l.T("cli.demo.real", "Path", path, "People", counted(l, "cli.import.people", n)), err: errRealPeople}
}
