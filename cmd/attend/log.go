package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

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
	// noRecord is the words for a session with nothing in its meeting
	// record yet (coach.Summary.Words): never the prep's own.
	noRecord string
}

func newLogCmd(o *options) *cobra.Command {
	var person, since, until, grep string
	limit := -1
	cmd := &cobra.Command{
		Use:   "log",
		Short: "List saved sessions, newest first: id, date, person, first words",
		Long: `log prints one line per saved session, newest first:

  ID  DATE  PERSON  first words of the meeting record

The words are always the record's, never your private prep's or
reflection's: a session with nothing in its record yet says "prep only, no
record yet". Fields are separated by two spaces (names and first words
never hold two spaces running). On a terminal the columns line up, lines are cut to fit and
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
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			if cmd.Flags().Changed("limit") && limit < 0 {
				return usageError{errors.New(l.T("cli.log.limit", "N", limit))}
			}
			if err := o.personGiven(cmd, person); err != nil {
				return err
			}
			if cmd.Flags().Changed("grep") && len(coach.SearchTerms(grep)) == 0 {
				return usageError{errors.New(l.T("cli.log.grep"))}
			}
			var q logQuery
			var err error
			if q.since, q.until, err = readRange(cmd, l, since, until); err != nil {
				return err
			}
			q.grep = grep

			st, err := o.openLazy(true)
			if err != nil {
				return err
			}
			defer st.Close()
			// People are read only when needed: those --person may mean,
			// or everyone's names, to line them up on a terminal.
			out := cmd.OutOrStdout()
			f, isFile := out.(*os.File)
			tty := isFile && term.IsTerminal(f.Fd())
			var names []string
			if person != "" {
				p, err := personNamed(l, st, person, false)
				if err != nil {
					return err
				}
				q.personID = p.ID
				names = []string{p.Name}
			} else if tty {
				people, err := st.PeopleNames()
				if err != nil {
					return err
				}
				for _, p := range people {
					names = append(names, p.Name)
				}
			}

			style := logStyle{noRecord: o.words().T("summary.norecord")}
			if tty {
				style.tty = true
				style.width = 80
				if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
					style.width = w
				}
				style.dim = o.styled(out)
				for _, n := range names {
					style.nameWidth = max(style.nameWidth, ansi.StringWidth(n))
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
					fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.log.more", "N", shown))
				case shown == 0:
					fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.log.none"))
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
	cmd.Flags().Lookup("limit").DefValue = "" // -1 is "not given": the words say the default
	return cmd
}

// readRange reads --since and --until, looking back (coach.ParsePastDate:
// 1/9 is the 1 September just gone, 2w two weeks ago). When either was
// given without its year, it says on stderr what range it understood, so
// the manager can see it; stdout stays for the sessions alone.
func readRange(cmd *cobra.Command, l *msg.Lang, since, until string) (from, to coach.Date, err error) {
	day := today()
	if from, err = coach.ParsePastDate(since, day); err != nil {
		return from, to, usageError{fmt.Errorf("--since: %w", err)}
	}
	if to, err = coach.ParsePastDate(until, day); err != nil {
		return from, to, usageError{fmt.Errorf("--until: %w", err)}
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return from, to, usageError{errors.New(l.T("cli.range.backwards", "Until", human(l, to), "Since", human(l, from)))}
	}
	relative := (since != "" && !coach.DateHasYear(since)) || (until != "" && !coach.DateHasYear(until))
	if relative {
		var parts []string
		if !from.IsZero() {
			parts = append(parts, l.T("cli.range.since", "Date", human(l, from)))
		}
		if !to.IsZero() {
			parts = append(parts, l.T("cli.range.until", "Date", human(l, to)))
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
	var line []byte
	emit := func(sum coach.Summary) bool {
		if q.limit > 0 && shown == q.limit {
			more = true
			return false
		}
		line = appendLogLine(line[:0], sum, style)
		w.Write(line)
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
		// Every line in one buffer, written at once.
		if q.limit > 0 && len(sums) > q.limit {
			sums, more = sums[:q.limit], true
		}
		for _, buf := range logLines(sums, style) {
			if _, err := w.Write(buf); err != nil {
				return len(sums), more, err
			}
		}
		return len(sums), more, nil
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

// logChunk is how many lines logLines formats at a time when it shares
// the work with another core: each line takes a fraction of a
// microsecond, starting the other goroutine tens of them.
const logChunk = 512

// logLines formats the lines of sums, in order, in as many buffers as it
// took chunks of logChunk lines. Piped, with more than one chunk, a second
// goroutine takes chunks in turn with this one (formatting reads nothing
// but sums): if it starts late, this one does most of them, and if it
// starts after this one is done, it does nothing and is not waited for.
// On a terminal, where there are 50 lines unless --limit says otherwise,
// it is one buffer formatted here.
func logLines(sums []coach.Summary, style logStyle) [][]byte {
	n := (len(sums) + logChunk - 1) / logChunk
	if style.tty || n <= 1 {
		return [][]byte{appendLogLines(nil, sums, style)}
	}
	bufs := make([][]byte, n)
	var next atomic.Int64
	format := func() {
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			bufs[i] = appendLogLines(nil, sums[i*logChunk:min((i+1)*logChunk, len(sums))], style)
		}
	}
	var (
		mu    sync.Mutex
		over  bool // this one has formatted its last chunk
		begun bool // the other started before that
	)
	done := make(chan struct{})
	go func() {
		mu.Lock()
		if over {
			mu.Unlock()
			return
		}
		begun = true
		mu.Unlock()
		format()
		close(done)
	}()
	format()
	mu.Lock()
	over = true
	wait := begun
	mu.Unlock()
	if wait { // it may still be formatting the last chunk it took
		<-done
	}
	return bufs
}

// appendLogLines appends the lines of sums to dst, grown once to about
// their size.
func appendLogLines(dst []byte, sums []coach.Summary, style logStyle) []byte {
	size := 0
	for _, sum := range sums {
		size += len(sum.ID) + len(sum.PersonName) + len(sum.Preview) + 20
	}
	dst = slices.Grow(dst, size)
	for _, sum := range sums {
		dst = appendLogLine(dst, sum, style)
	}
	return dst
}

// appendLogLine appends one session's line to dst.
func appendLogLine(dst []byte, sum coach.Summary, style logStyle) []byte {
	if sum.Preview == "" && sum.NoRecord() {
		sum.Preview = style.noRecord // as history says it (coach.Summary.Words)
	}
	if !style.tty {
		dst = append(dst, sum.ID...)
		dst = append(dst, "  "...)
		dst = sum.Date.AppendISO(dst)
		dst = append(dst, "  "...)
		dst = appendSafe(dst, sum.PersonName)
		if sum.Preview != "" {
			dst = append(dst, "  "...)
			dst = appendSafe(dst, sum.Preview)
		}
		return append(dst, '\n')
	}
	sum.PersonName, sum.Preview = coach.SafeText(sum.PersonName), coach.SafeText(sum.Preview)
	name := ansi.Truncate(sum.PersonName, style.nameWidth, "…")
	name += strings.Repeat(" ", max(style.nameWidth-ansi.StringWidth(name), 0))
	id := sum.ID
	if style.dim {
		id = faint.Render(id)
	}
	line := id + "  " + sum.Date.String() + "  " + name + "  " + sum.Preview
	line = strings.TrimRight(line, " ")
	if style.width > 0 {
		line = ansi.Truncate(line, style.width, "…")
	}
	return append(append(dst, line...), '\n')
}

// appendSafe appends coach.SafeText(s). Text holding none of the
// characters SafeText escapes, as nearly every name and note does, is
// appended as it is after one pass over its bytes (SafeText decodes every
// character): those characters are the ASCII controls, U+0080–U+009F
// (UTF-8 C2 80–C2 9F), U+200B–U+200D and U+202A–U+202E (E2 80 …),
// U+2060 and U+2066–U+2069 (E2 81 …), U+FEFF (EF BB BF), and bytes that
// are not UTF-8. TestAppendSafe holds it to SafeText for every character.
func appendSafe(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f, c >= 0x80 && c != 0xc2 && c != 0xe2 && c != 0xef:
		case c == 0xc2:
			if i+1 < len(s) && s[i+1] <= 0x9f {
				return append(dst, coach.SafeText(s)...)
			}
		case c == 0xe2:
			if i+2 < len(s) {
				b1, b2 := s[i+1], s[i+2]
				if b1 == 0x80 && (b2 >= 0x8b && b2 <= 0x8d || b2 >= 0xaa && b2 <= 0xae) ||
					b1 == 0x81 && (b2 == 0xa0 || b2 >= 0xa6 && b2 <= 0xa9) {
					return append(dst, coach.SafeText(s)...)
				}
			}
		case c == 0xef:
			if i+2 < len(s) && s[i+1] == 0xbb && s[i+2] == 0xbf {
				return append(dst, coach.SafeText(s)...)
			}
		default: // an ASCII control or DEL
			return append(dst, coach.SafeText(s)...)
		}
	}
	if !utf8.ValidString(s) {
		return append(dst, coach.SafeText(s)...)
	}
	return append(dst, s...)
}
