package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/data"
)

// addReviewCommands adds the commands for looking back over records
// (log, show) and for filling a database with demo data (demo).
func addReviewCommands(root *cobra.Command, g *globals) {
	root.AddCommand(newDemoCmd(g), newLogCmd(g), newShowCmd(g))
}

// ---- attend demo

func newDemoCmd(g *globals) *cobra.Command {
	var sessions, people int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "demo --sessions N",
		Short: "Fill a database with made-up people and sessions, to try attend",
		Long: `demo adds fictional people, with Welsh and English names, and their saved
sessions: notes of every length, ratings that drift over the years, actions
open, done and dropped, and some people overdue. Nothing in it is real.

Without --db (or ATTEND_DB) it writes to a file of its own, attend-demo.db
beside your database, never into your database, and says how to open it.

The same --seed always makes the same names, notes, ratings and dates.

demo only adds to a database that holds nothing but demo people: if the file
holds anyone real, it refuses and writes nothing. Give it a file of its own.`,
		Example: `  attend demo --sessions 300 --db /tmp/attend-demo.db
  ATTEND_DB=/tmp/attend-demo.db attend demo --sessions 10000 --seed 42`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("sessions") {
				return usageError{errors.New("say how many sessions to make: attend demo --sessions 300")}
			}
			if sessions < 1 || sessions > coach.MaxDemoSessions {
				return usageError{fmt.Errorf("--sessions is 1 to %d, not %d", coach.MaxDemoSessions, sessions)}
			}
			if people < 0 || people > coach.MaxDemoPeople {
				return usageError{fmt.Errorf("--people is 1 to %d, not %d", coach.MaxDemoPeople, people)}
			}
			guide, err := g.guide()
			if err != nil {
				return err
			}
			path, own, err := demoPath(g)
			if err != nil {
				return err
			}
			opt := coach.DemoOptions{Seed: seed, Sessions: sessions, People: people, Today: coach.DateOf(time.Now())}
			var progress func(done, total int)
			if f, ok := cmd.ErrOrStderr().(*os.File); ok && term.IsTerminal(f.Fd()) {
				progress = func(done, total int) {
					fmt.Fprintf(f, "\rattend demo: %s of %s sessions", thousands(done), thousands(total))
					if done == total {
						fmt.Fprint(f, "\r\x1b[K")
					}
				}
			}
			// An encrypted file (most unlikely for demo data) opens with
			// --passphrase-file; demo does not ask on the terminal.
			pass, _, err := g.passphraseFromFile()
			if err != nil {
				return err
			}
			defer clear(pass)
			res, err := runDemo(path, pass, guide, opt, progress)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added %s (%s new), %s and %s to %s in %s\n",
				count(res.people, "demo person", "demo people"), thousands(res.newPeople),
				count(res.sessions, "session", "sessions"), count(res.actions, "action", "actions"), res.path, res.elapsed.Round(time.Millisecond))
			if own {
				fmt.Fprintf(cmd.OutOrStdout(), "It is a file of its own, apart from your records. Open it with: attend --db %s\n", shellArg(res.path))
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
func demoPath(g *globals) (path string, own bool, err error) {
	if g.db != "" || os.Getenv("ATTEND_DB") != "" {
		path, err = g.dbPath()
		return path, false, err
	}
	def, err := data.DefaultPath()
	if err != nil {
		return "", false, err
	}
	return filepath.Join(filepath.Dir(def), demoFile), true, nil
}

// errRealPeople is why demo refuses a database.
var errRealPeople = errors.New("demo refused")

type demoResult struct {
	people, newPeople, sessions, actions int
	elapsed                              time.Duration
	path                                 string
}

// demoBatch is how many sessions demo saves per transaction: large enough
// that a transaction's fixed cost (two opens of the file, a sync) is
// shared, small enough that no one transaction holds the file for long.
const demoBatch = 500

// runDemo writes a demo through the store's public calls: EnsurePeople for
// everyone (marked Demo, with their cadence), then each one's sessions,
// oldest first, with SaveSessions in batches of demoBatch. People and
// sessions keep the made-up times they come with, so that they are
// created, and saved, on the days the story says.
func runDemo(path string, passphrase []byte, guide *coach.Guide, opt coach.DemoOptions, progress func(done, total int)) (demoResult, error) {
	start := time.Now()
	var res demoResult

	// Look before opening for writing: a read-only open writes nothing,
	// even to a file that needs an upgrade.
	if ro, err := data.Open(path, data.Options{ReadOnly: true, Guide: guide, Passphrase: passphrase}); err == nil {
		people, err := ro.People()
		ro.Close()
		if err != nil {
			return res, err
		}
		if err := refuseReal(path, people); err != nil {
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
	if err := refuseReal(path, before); err != nil {
		return res, err
	}

	d, err := coach.NewDemo(opt)
	if err != nil {
		return res, usageError{err}
	}
	batch := make([]coach.Session, 0, demoBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := st.SaveSessions(batch); err != nil {
			return err
		}
		res.sessions += len(batch)
		batch = batch[:0]
		if progress != nil {
			progress(res.sessions, opt.Sessions)
		}
		return nil
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
			return res, refuseReal(path, []coach.Person{p})
		}
		res.people++
		if created[i] {
			res.newPeople++
		}
	}
	for i, p := range people {
		for s := range d.Sessions(i) {
			s.PersonID = p.ID
			res.actions += len(s.Actions)
			if batch = append(batch, s); len(batch) == demoBatch {
				if err := flush(); err != nil {
					return res, err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return res, err
	}
	res.elapsed = time.Since(start)
	return res, nil
}

// refuseReal is an error if anyone in people is not a demo person. It
// gives a count, never a name: the names are personal data.
func refuseReal(path string, people []coach.Person) error {
	n := 0
	for _, p := range people {
		if !p.Demo {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s holds %s not marked as made up by attend demo, so nothing was written; give demo a file of its own, e.g. attend demo --db /tmp/attend-demo.db --sessions 300",
		errRealPeople, path, count(n, "person", "people"))
}

// ---- attend log

type logQuery struct {
	personID     string
	since, until coach.Date
	grep         string // as typed; matched folded
	limit        int    // 0 means all
}

// logStyle is how log lines look: on a terminal, aligned, cut to the
// width and with the id dimmed; otherwise plain, one field after another.
type logStyle struct {
	tty       bool
	width     int
	nameWidth int
	dim       bool
}

func newLogCmd(g *globals) *cobra.Command {
	var person, since, until, grep string
	limit := -1
	cmd := &cobra.Command{
		Use:   "log",
		Short: "List saved sessions, newest first: id, date, person, first words",
		Long: `log prints one line per saved session, newest first:

  ID  DATE  PERSON  first words of the notes

Fields are separated by two spaces (names and first words never hold two
spaces running). On a terminal the columns line up, lines are cut to fit and
only the newest 50 are shown unless --limit says otherwise; piped or
redirected, every line is printed whole, with no colour. 'attend show ID'
prints one session.

--grep keeps the sessions whose notes hold every word given, each as the
start of a word, ignoring case and accents: "sian" and "sia" find "Siân",
and "wyn" finds "ŵyn". It looks through every answer, action (and why it
was dropped), record and addendum, not the names: use --person for those.
Punctuation only separates words.`,
		Example: `  attend log --person sian --since 2026-01-01
  attend log --grep "rota gaps" --limit 5
  attend log | wc -l`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("limit") && limit < 0 {
				return usageError{fmt.Errorf("--limit is 0 (no limit) or more, not %d", limit)}
			}
			if err := personGiven(cmd, person); err != nil {
				return err
			}
			if cmd.Flags().Changed("grep") && len(coach.SearchTerms(grep)) == 0 {
				return usageError{errors.New("--grep needs some words to look for")}
			}
			var q logQuery
			var err error
			if q.since, q.until, err = readRange(cmd, since, until); err != nil {
				return err
			}
			q.grep = grep

			st, _, err := g.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			// Everyone is read only when needed: to find --person, or to
			// line up the names on a terminal.
			out := cmd.OutOrStdout()
			f, isFile := out.(*os.File)
			tty := isFile && term.IsTerminal(f.Fd())
			var people []coach.Person
			if person != "" || tty {
				if people, err = st.People(); err != nil {
					return err
				}
			}
			if person != "" {
				p, err := findPerson(people, person, false)
				if err != nil {
					return err
				}
				q.personID = p.ID
				people = []coach.Person{p}
			}

			style := logStyle{}
			if tty {
				style.tty = true
				style.width = 80
				if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
					style.width = w
				}
				style.dim = os.Getenv("NO_COLOR") == ""
				for _, p := range people {
					style.nameWidth = max(style.nameWidth, ansi.StringWidth(p.Name))
				}
				style.nameWidth = min(max(style.nameWidth, 4), 24)
			}
			q.limit = limit
			if limit < 0 {
				q.limit = 0
				if style.tty {
					q.limit = 50
				}
			}

			w := bufio.NewWriter(out)
			shown, more, err := writeLog(st, w, q, style)
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			if style.tty {
				switch {
				case more:
					fmt.Fprintf(cmd.ErrOrStderr(), "(the newest %d shown: --limit 0 shows them all)\n", shown)
				case shown == 0:
					fmt.Fprintln(cmd.ErrOrStderr(), "no saved sessions match")
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "only this person (name or the start of it, ignoring case and accents)")
	cmd.Flags().StringVar(&since, "since", "", "only sessions on or after this date (2026-01-31, 31/1, 2w, yesterday, last month, ...: 31/1 is the one just gone, 2w two weeks ago)")
	cmd.Flags().StringVar(&until, "until", "", "only sessions on or before this date, the whole day included")
	cmd.Flags().StringVar(&grep, "grep", "", "only sessions whose notes or actions hold this text (ignoring case and accents)")
	cmd.Flags().IntVar(&limit, "limit", -1, "at most this many lines, 0 for all (default 50 on a terminal, else all)")
	return cmd
}

// readRange reads --since and --until, looking back (coach.ParsePastDate:
// 1/9 is the 1 September just gone, 2w two weeks ago). When either was
// given without its year, it says on stderr what range it understood, so
// the manager can see it; stdout stays for the sessions alone.
func readRange(cmd *cobra.Command, since, until string) (from, to coach.Date, err error) {
	day := today()
	if from, err = coach.ParsePastDate(since, day); err != nil {
		return from, to, usageError{fmt.Errorf("--since: %w", err)}
	}
	if to, err = coach.ParsePastDate(until, day); err != nil {
		return from, to, usageError{fmt.Errorf("--until: %w", err)}
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return from, to, usageError{fmt.Errorf("--until %s is before --since %s: nothing matches; swap them, or give a later --until", to.Human(), from.Human())}
	}
	relative := (since != "" && !coach.DateHasYear(since)) || (until != "" && !coach.DateHasYear(until))
	if relative {
		var parts []string
		if !from.IsZero() {
			parts = append(parts, "since "+from.Human())
		}
		if !to.IsZero() {
			parts = append(parts, "until "+to.Human()+" (the whole day)")
		}
		fmt.Fprintln(cmd.ErrOrStderr(), strings.Join(parts, ", "))
	}
	return from, to, nil
}

// logPage is how many summaries log reads per transaction (each one opens
// the file, so fewer, larger pages are quicker; the file is let go between
// pages so that a slow reader of the output never keeps a save waiting for
// long), except that with a limit the first page holds just enough to know
// whether there are more.
const logPage = 16384

// writeLog prints the sessions q asks for, newest first, and says how many
// it printed and whether more matched beyond q.limit.
//
// Without --grep it reads only the summary index, a page at a time, and
// stops at the limit or at --since. With --grep it asks the store's search
// index (Store.SearchSummaries), which reads no note.
func writeLog(st *data.Store, w io.Writer, q logQuery, style logStyle) (shown int, more bool, err error) {
	emit := func(sum coach.Summary) bool {
		if q.limit > 0 && shown == q.limit {
			more = true
			return false
		}
		io.WriteString(w, logLine(sum, style))
		shown++
		return true
	}
	inRange := func(d coach.Date) bool {
		return (q.since.IsZero() || !d.Before(q.since)) && (q.until.IsZero() || !q.until.Before(d))
	}

	if q.grep != "" {
		limit := -1 // all
		if q.limit > 0 {
			limit = q.limit + 1 // one more, to know there are more
		}
		sums, err := st.SearchSummaries(coach.SearchQuery{Text: q.grep, PersonID: q.personID, Since: q.since, Until: q.until, Limit: limit})
		if err != nil {
			return 0, false, err
		}
		for _, sum := range sums {
			if !emit(sum) {
				break
			}
		}
		return shown, more, nil
	}

	cursor, size := "", logPage
	if q.limit > 0 {
		size = min(q.limit+1, logPage)
	}
	for {
		page, next, err := st.Summaries(q.personID, cursor, size)
		if err != nil {
			return shown, more, err
		}
		for _, sum := range page {
			if !q.since.IsZero() && sum.Date.Before(q.since) {
				return shown, more, nil // newest first: the rest are older still
			}
			if !inRange(sum.Date) {
				continue
			}
			if !emit(sum) {
				return shown, more, nil
			}
		}
		if next == "" {
			return shown, more, nil
		}
		cursor, size = next, logPage
	}
}

// logLine is one session's line.
func logLine(sum coach.Summary, style logStyle) string {
	sum.PersonName, sum.Preview = coach.SafeText(sum.PersonName), coach.SafeText(sum.Preview)
	if !style.tty {
		line := sum.ID + "  " + sum.Date.String() + "  " + sum.PersonName
		if sum.Preview != "" {
			line += "  " + sum.Preview
		}
		return line + "\n"
	}
	name := ansi.Truncate(sum.PersonName, style.nameWidth, "…")
	name += strings.Repeat(" ", max(style.nameWidth-ansi.StringWidth(name), 0))
	id := sum.ID
	if style.dim {
		id = "\x1b[2m" + id + "\x1b[22m"
	}
	line := id + "  " + sum.Date.String() + "  " + name + "  " + sum.Preview
	line = strings.TrimRight(line, " ")
	if style.width > 0 {
		line = ansi.Truncate(line, style.width, "…")
	}
	return line + "\n"
}

// ---- attend show

func newShowCmd(g *globals) *cobra.Command {
	var private bool
	cmd := &cobra.Command{
		Use:   "show ID [--private]",
		Short: "Print one saved session's meeting record as Markdown (--private: your prep and reflection too)",
		Long: `show prints the meeting record of one saved session as Markdown, in the
language it was written in: what you wrote with them and what they agree.
Your preparation and your reflection are private notes and are left out;
--private adds them, each labelled. (They are still personal data about the
person: 'attend export --person NAME' includes them for a subject access
request.) ID is the session's id from 'attend log', or its first 6 or more
characters (any case) if no other session starts the same way.`,
		Example: `  attend show 01M8B6JA8Z
  attend show 01M8B6JA8Z --private
  attend log --person sian --limit 1 | cut -c1-26 | xargs attend show`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New("show takes one session id (or its first 6 or more characters): attend log lists them")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			st, _, err := g.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			return show(st, cmd.OutOrStdout(), args[0], private)
		},
	}
	cmd.Flags().BoolVar(&private, "private", false, "add your preparation and reflection (private notes), labelled")
	return cmd
}

// show prints the session id names (an id or a unique prefix) as Markdown:
// the meeting record, and with private the prep and reflection as well.
func show(st *data.Store, w io.Writer, id string, private bool) error {
	s, err := st.Session(id)
	if err != nil {
		return err
	}
	p, err := st.Person(s.PersonID)
	if errors.Is(err, data.ErrNotFound) {
		// Still show what was written; `attend check` reports the gap.
		p, err = coach.Person{ID: s.PersonID, Name: "(no person on file with id " + s.PersonID + ")"}, nil
	}
	if err != nil {
		return err
	}
	opt := coach.MarkdownOptions{Parts: []coach.Part{coach.PartRecord}}
	if private {
		opt.Parts = nil // all three, each labelled
	}
	_, err = io.WriteString(w, coach.Markdown(guideCache{}.get(s.Lang), p, s, opt))
	return err
}

// ---- small helpers

// personGiven refuses a --person flag given but blank: it must never
// quietly mean everyone.
func personGiven(cmd *cobra.Command, person string) error {
	if cmd.Flags().Changed("person") && strings.TrimSpace(person) == "" {
		return usageError{fmt.Errorf("--person needs a name, and was given none: leave --person out for everyone (attend %s --help)", cmd.Name())}
	}
	return nil
}

// noArgs refuses arguments as misuse (exit 2), saying which command.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments, only flags (got %q): see attend %s --help", cmd.Name(), args[0], cmd.Name())}
	}
	return nil
}
