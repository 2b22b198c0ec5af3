package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

func newActionsCmd(o *options) *cobra.Command {
	var person string
	cmd := &cobra.Command{
		Use:   "actions",
		Short: "List every open action, overdue first",
		Long: `actions prints one line per open action, most urgent first (overdue, then
by due date, then undated ones oldest first):

  ACTION-ID  DUE  PERSON  what was agreed (owner)

DUE is the due date, with "!" before it when it is past, or "no date".
Fields are separated by two spaces. 'attend done ACTION-ID' and
'attend drop ACTION-ID --reason TEXT' close one; the first 6 or more
characters of the id will do if no other open action starts the same way.`,
		Example: `  attend actions
  attend actions --person sian`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.personGiven(cmd, person); err != nil {
				return err
			}
			l := o.words()
			// The lines' words (their part of the message catalogue, read
			// when first said, as long as reading the actions) are made on
			// another core while the file is opened and the actions read.
			day := today()
			words := make(chan *actionLines, 1)
			go func() { words <- newActionLines(l, day) }()
			// No prompts: the actions are listed from their index alone.
			st, err := o.open(true, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			personID := ""
			if person != "" {
				p, err := personNamed(l, st, person, false)
				if err != nil {
					return err
				}
				personID = p.ID
			}
			list, err := st.OpenActionList(personID)
			if err != nil {
				return err
			}
			if len(list) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.actions.none"))
				return nil
			}
			w := bufio.NewWriterSize(cmd.OutOrStdout(), 64<<10)
			lines := <-words
			for i := range list {
				w.Write(lines.line(&list[i]))
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "only this person's actions (name or the start of it, ignoring case and accents)")
	return cmd
}

// actionLines makes the lines of `attend actions`, one open action's at a
// time:
//
//	ACTION-ID  DUE  PERSON  what was agreed (owner)
//
// The language's words are looked up once, not once a line: tens of
// thousands of lines spent most of their time there.
type actionLines struct {
	l      *msg.Lang
	day    coach.Date
	nodate string
	owners map[coach.Owner]string
	buf    []byte
}

func newActionLines(l *msg.Lang, day coach.Date) *actionLines {
	return &actionLines{l: l, day: day, nodate: l.T("actions.nodate"),
		owners: map[coach.Owner]string{}}
}

// line is r's line, valid until the next call.
func (a *actionLines) line(r *data.ListedAction) []byte {
	b := append(a.buf[:0], r.ID...)
	b = append(b, "  "...)
	if r.Due.IsZero() {
		b = append(b, a.nodate...)
	} else {
		if r.Overdue(a.day) {
			b = append(b, '!')
		}
		b = r.Due.AppendISO(b)
	}
	b = append(b, "  "...)
	b = append(b, oneLine(r.PersonName)...)
	b = append(b, "  "...)
	b = append(b, oneLine(r.Text)...)
	owner, ok := a.owners[r.Owner]
	if !ok {
		owner = ownerText(a.l, r.Owner)
		a.owners[r.Owner] = owner
	}
	b = append(b, " ("...)
	b = append(b, owner...)
	b = append(b, ")\n"...)
	a.buf = b
	return b
}

// oneLine folds runs of white space (newlines too) into single spaces, so
// one record is one line and two spaces always separate fields; a
// character text may not hold is shown escaped (coach.SafeText). Text that
// is one line already (most) comes back as it is.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(coach.SafeText(s)), " ")
}

// printable are the ASCII characters oneLine keeps as they are, space
// aside: neither control characters nor DEL.
var printable = func() (t [utf8.RuneSelf]bool) {
	for c := '!'; c < 0x7f; c++ {
		t[c] = true
	}
	return t
}()

// plainWord looks at eight bytes of text, the first in the low byte: ok
// when each is ASCII and neither a control character nor DEL, and then
// sp has the top bit of each byte that is a space set (and no other).
func plainWord(w uint64) (sp uint64, ok bool) {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	if w&highs != 0 {
		return 0, false // not ASCII
	}
	// Each byte is below 0x80 now, so these see each byte alone: a byte
	// below 0x20 sets its top bit in (w - 0x20s) &^ w; DEL makes a zero
	// byte of w ^ 0x7fs.
	if (w-0x20*ones)&^w&highs != 0 {
		return 0, false
	}
	if d := w ^ lows; (d-ones)&^d&highs != 0 {
		return 0, false
	}
	// The spaces: each zero byte of w ^ 0x20s, found without a borrow
	// from one byte to the next.
	y := w ^ 0x20*ones
	return ^((y&lows + lows) | y | lows), true
}

// isOneLine reports whether oneLine would return s unchanged: nothing
// SafeText escapes, and no white space but single spaces between words.
func isOneLine(s string) bool {
	space := true // white space at the start is not kept
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are ASCII with no control
		// character or DEL and no two spaces together (most text).
		if i+8 <= len(s) {
			t := s[i : i+8]
			w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			if sp, ok := plainWord(w); ok && sp&(sp>>8) == 0 && !(space && sp&0x80 != 0) {
				space, i = sp>>63 != 0, i+8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			// Words first: most of the text, a table look-up a byte.
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf && printable[s[j]] {
				j++
			}
			if j > i {
				space, i = false, j
				continue
			}
			if c != ' ' || space {
				return false // a control character, or a second space
			}
			space = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || coach.CheckText(s[i:i+size]) != nil {
			return false
		}
		space = false
		i += size
	}
	return !space || s == ""
}

// findOpenAction finds the open action an id or unique prefix (at least
// data.MinPrefix characters, any case) names.
func findOpenAction(l *msg.Lang, refs []coach.ActionRef, typed string) (coach.ActionRef, error) {
	q := strings.ToUpper(strings.TrimSpace(typed))
	if len(q) < data.MinPrefix {
		return coach.ActionRef{}, usageError{errors.New(l.T("cli.action.short", "Typed", fmt.Sprintf("%q", typed), "N", data.MinPrefix))}
	}
	var found []coach.ActionRef
	for _, r := range refs {
		id := strings.ToUpper(r.Action.ID)
		if id == q {
			return r, nil
		}
		if strings.HasPrefix(id, q) {
			found = append(found, r)
		}
	}
	switch len(found) {
	case 0:
		return coach.ActionRef{}, errors.New(l.T("cli.action.none", "Typed", fmt.Sprintf("%q", typed)))
	case 1:
		return found[0], nil
	}
	return coach.ActionRef{}, usageError{errors.New(counted(l, "cli.action.many", len(found), "Typed", fmt.Sprintf("%q", typed)))}
}
