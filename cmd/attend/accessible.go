package main

// attend prep in plain lines, for screen readers and scripts: each prompt
// is printed with its stage's guidance, each answer is read as lines, and
// the prep is reviewed and saved as on the screens, through the same store
// calls. Nothing printed here moves the cursor or colours anything.
//
// Reading the input:
//   - a text answer is one or more lines, ended by a line holding only "."
//     (or by the end of the input); an empty first line skips the prompt;
//   - a rating is a number from 1 to 5, optionally followed by a note; an
//     empty line skips it;
//   - a date is anything attend reads as a date; an empty line skips it.
//
// Saving: the draft is written after every answer (and, at a terminal,
// after every line), so nothing is lost if the line mode is stopped. At the
// end comes the review and "Save this prep? [y/N]". When the input is not a
// terminal, the end of the input there means yes: a script that answered
// every prompt wants its prep saved. An input that ends before the last
// prompt saves nothing (the draft is kept and the command fails, so a cut
// short script is noticed) unless --yes says to save what was given. An
// empty prep is never saved by the end of the input alone, since saving it
// moves the person's next due date; --yes (or "y" typed) saves it.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

// lineFlags are prep's flags for the line mode.
type lineFlags struct {
	accessible bool // --accessible
	full       bool // --full: every prompt, not only the quick prep's
	yes        bool // --yes: save at the end without asking
	takeOver   bool // --take-over: carry on a prep another window holds (closed or crashed)
}

// addLineFlags adds the line mode's flags to the prep command.
func addLineFlags(cmd *cobra.Command) *lineFlags {
	f := &lineFlags{}
	cmd.Flags().BoolVar(&f.accessible, "accessible", false, "plain lines instead of screens, for screen readers and scripts (default when $ATTEND_ACCESSIBLE=1, or stdin or stdout is not a terminal)")
	cmd.Flags().BoolVar(&f.full, "full", false, "in plain lines, ask every prompt rather than the quick prep's")
	cmd.Flags().BoolVar(&f.yes, "yes", false, "in plain lines, save at the end without asking")
	// The screens offer ctrl+t; plain lines need a way too, or a prep left
	// by a window that crashed stays shut for half an hour.
	cmd.Flags().BoolVar(&f.takeOver, "take-over", false, "in plain lines, carry on a prep another window holds, when that window was closed or crashed")
	return f
}

// wanted reports whether prep runs in plain lines: asked for by the flag
// or ATTEND_ACCESSIBLE, or because there is no terminal to draw screens on
// (stdin or stdout is a pipe or a file).
func (f *lineFlags) wanted(cmd *cobra.Command, o *options) bool {
	return f.accessible || o.load().accessible ||
		!isTerminal(cmd.InOrStdin()) || !isTerminal(cmd.OutOrStdout())
}

// envOn reads a yes-or-no environment variable: empty, 0, false, no and
// off are no; anything else is yes.
func envOn(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// typedAt reports whether the input is a person at a terminal rather than
// a script; tests replace it to be the person.
var typedAt = func(in io.Reader) bool { return isTerminal(in) }

// heldAccessible is how recently another window must have written a draft
// for the line mode to leave it alone (as the screens do).
const heldAccessible = 30 * time.Minute

// lineMode is one prep in plain lines.
type lineMode struct {
	st    *data.Store
	guide *coach.Guide
	w     *msg.Lang
	out   io.Writer
	in    *lineReader
	human bool // the input is a terminal: a person typing, not a script
	flags *lineFlags

	name   string       // the person's name, as resolved
	person coach.Person // zero until they exist in the store
	sess   coach.Session
	asked  []coach.Item // the prompts of this prep, in order
}

// runAccessible runs prep in plain lines.
func runAccessible(cmd *cobra.Command, o *options, typed string, isNew bool, f *lineFlags) error {
	in, human := newLineReader(cmd.InOrStdin()), typedAt(cmd.InOrStdin())
	if !human && in.empty() {
		// A script with nothing to say: not even the database is made.
		guide, err := o.guide()
		if err != nil {
			return err
		}
		return errors.New(msg.New(guide.Lang).T("access.endednothing"))
	}
	st, guide, err := o.openWithGuide(false)
	if err != nil {
		return err
	}
	defer st.Close()
	name, err := resolvePersonIn(o.words(), st, typed, isNew)
	if err != nil {
		return err
	}
	m := &lineMode{
		st: st, guide: guide, w: msg.New(guide.Lang), out: cmd.OutOrStdout(),
		in: in, human: human, flags: f, name: name,
	}
	return m.run()
}

func (m *lineMode) run() error {
	now := time.Now()
	p, found, err := m.st.FindPerson(m.name)
	if err != nil {
		return err
	}
	m.sess = coach.NewSession("", m.guide.Lang, now)
	var draft *coach.Session
	if found {
		m.person, m.name = p, p.Name
		m.sess.PersonID = p.ID
		d, ok, err := m.st.Draft(p.ID)
		if err != nil {
			return err
		}
		if ok {
			if d.Writer != "" && !d.Left && now.Sub(d.Updated) < heldAccessible && !m.flags.takeOver {
				return errors.New(m.w.T("access.elsewhere", "Name", p.Name, "When", d.Updated.Local().Format("15:04")))
			}
			m.sess = d.Clone()
			m.sess.Base = d.Updated // taking it over, as the screens do
			draft = &d
		}
	}
	// Another window that opens this draft while the line mode writes it
	// sees it is held (coach.MayReplaceDraft), until this process ends,
	// however it ends (data/windows.go).
	m.sess.Writer, m.sess.Left = coach.NewID(now), false
	if release, err := m.st.Present(m.sess.Writer); err == nil {
		defer release()
	}
	for _, st := range m.guide.PartStages(coach.PartPrep) {
		m.asked = append(m.asked, st.Shown(m.sess, m.flags.full)...)
	}

	m.say(m.w.T("access.start", "Name", m.name))
	switch {
	case !found:
		m.say(m.w.T("access.new", "Name", m.name))
	case draft != nil:
		m.say(m.w.T("access.carry", "When", m.w.Date(draft.Updated.Local())+" "+draft.Updated.Local().Format("15:04")))
	}
	if m.flags.full {
		m.say(m.w.T("access.full", "Count", len(m.asked)))
	} else {
		m.say(m.w.T("access.quick", "Count", len(m.asked)))
	}
	m.say(m.w.T("access.how"))

	ended, err := m.ask()
	if err != nil {
		return err
	}
	answered := m.answered()
	if ended {
		if m.sess.Empty() {
			return errors.New(m.w.T("access.endednothing"))
		}
		if !m.flags.yes || answered == 0 {
			m.leave()
			return errors.New(m.w.T("access.ended", "Answered", answered, "Count", len(m.asked), "Name", shellArg(m.name)))
		}
	}
	m.review(answered)
	return m.confirmAndSave(answered)
}

// ask asks every prompt in turn. ended reports that the input ran out
// before the last prompt was reached.
func (m *lineMode) ask() (ended bool, err error) {
	stages := m.guide.PartStages(coach.PartPrep)
	n := 0
	for si, st := range stages {
		var items []coach.Item
		for _, it := range m.asked {
			if strings.HasPrefix(it.ID, st.ID+".") {
				items = append(items, it)
			}
		}
		if len(items) == 0 {
			continue
		}
		m.say("")
		m.say(m.w.T("access.stage", "N", si+1, "Of", len(stages), "Title", st.Title))
		for _, g := range st.Guidance {
			m.say(g)
		}
		for _, it := range items {
			n++
			m.say("")
			m.say(m.w.T("access.prompt", "N", n, "Of", len(m.asked), "Prompt", it.Prompt))
			if it.Hint != "" {
				m.say(m.w.T("access.hint", "Hint", it.Hint))
			}
			if m.in.eof {
				return true, nil
			}
			if err := m.answer(it); err != nil {
				return false, err
			}
			if m.in.eof && m.in.lastEmpty {
				// The input ran out before this prompt had a line.
				return true, nil
			}
		}
	}
	return false, nil
}

// answer reads one prompt's answer and keeps it in the draft.
func (m *lineMode) answer(it coach.Item) error {
	before := m.sess.Answer(it.ID)
	if !before.Empty() {
		m.say(m.w.T("access.earlier"))
		for _, l := range m.answerLines(it, before) {
			m.say(l)
		}
	}
	var a coach.Answer
	var got bool
	var err error
	switch it.Kind {
	case coach.KindRating:
		a, got, err = m.readRating(it)
	case coach.KindDate:
		a, got, err = m.readDate()
	case coach.KindText:
		a, got, err = m.readText(it)
	default: // actions are written on the screens
		m.say(m.w.T("access.actions.skip"))
		m.in.lastEmpty = false
		return nil
	}
	if err != nil {
		return err
	}
	switch {
	case !got && m.in.eof && m.in.lastEmpty:
		return nil // the input ended: ask says so
	case !got && !before.Empty():
		m.say(m.w.T("access.keptearlier"))
		return nil
	case !got:
		m.say(m.w.T("access.skipped"))
		return nil
	}
	if it.Kind == coach.KindRating {
		a.Together = before.Together
	}
	m.sess.SetAnswer(it.ID, a)
	return m.keep(it.ID)
}

// readText reads a text answer: lines until one holding only ".", or the
// end of the input. An empty first line skips.
func (m *lineMode) readText(it coach.Item) (coach.Answer, bool, error) {
	m.say(m.w.T("access.text.how"))
	var lines []string
	for {
		line, ok := m.in.next()
		if !ok || line == "." || (len(lines) == 0 && strings.TrimSpace(line) == "") {
			break
		}
		lines = append(lines, coach.CleanText(line))
		if m.human {
			// At a terminal each line is kept as it is typed.
			m.sess.SetAnswer(it.ID, coach.Answer{Text: m.limit(lines, false)})
			if err := m.keep(it.ID); err != nil {
				return coach.Answer{}, false, err
			}
		}
	}
	text := m.limit(lines, true)
	if strings.TrimSpace(text) == "" {
		return coach.Answer{}, false, nil
	}
	return coach.Answer{Text: text}, true, nil
}

// limit joins lines into an answer of at most coach.MaxAnswerLen
// characters, saying so (when tell) if it had to cut.
func (m *lineMode) limit(lines []string, tell bool) string {
	text := strings.TrimRightFunc(strings.Join(lines, "\n"), unicode.IsSpace)
	if utf8.RuneCountInString(text) <= coach.MaxAnswerLen {
		return text
	}
	if tell {
		m.say(m.w.T("access.limit", "Count", coach.MaxAnswerLen))
	}
	return string([]rune(text)[:coach.MaxAnswerLen])
}

// readRating reads a number from 1 to 5 and any note after it.
func (m *lineMode) readRating(it coach.Item) (coach.Answer, bool, error) {
	if len(it.Scale) >= coach.MaxRating {
		m.say(m.w.T("access.rating.how", "Low", it.Scale[0], "High", it.Scale[coach.MaxRating-1]))
	} else {
		m.say(m.w.T("access.rating.plain"))
	}
	for {
		line, ok := m.in.next()
		line = strings.TrimSpace(coach.CleanText(line))
		if !ok || line == "" {
			return coach.Answer{}, false, nil
		}
		if a, good := parseRating(line); good {
			return a, true, nil
		}
		if err := m.again(m.w.T("access.rating.bad", "Typed", line)); err != nil {
			return coach.Answer{}, false, err
		}
	}
}

// parseRating reads "3", "3 tired after nights" or "3: tired".
func parseRating(line string) (coach.Answer, bool) {
	digits := strings.IndexFunc(line, func(r rune) bool { return r < '0' || r > '9' })
	if digits < 0 {
		digits = len(line)
	}
	n, err := strconv.Atoi(line[:digits])
	if err != nil || n < 1 || n > coach.MaxRating {
		return coach.Answer{}, false
	}
	note := strings.TrimLeft(line[digits:], " \t.,:;-–—")
	if rest := line[digits:]; rest != "" && note == rest && !strings.HasPrefix(rest, " ") {
		return coach.Answer{}, false // "35" or "3x": not a rating
	}
	return coach.Answer{Rating: n, Text: note}, true
}

// readDate reads a date as attend reads dates ahead.
func (m *lineMode) readDate() (coach.Answer, bool, error) {
	m.say(m.w.T("access.date.how"))
	for {
		line, ok := m.in.next()
		line = strings.TrimSpace(coach.CleanText(line))
		if !ok || line == "" {
			return coach.Answer{}, false, nil
		}
		d, err := coach.ParseDate(line, today())
		if err == nil {
			return coach.Answer{Date: d}, true, nil
		}
		if err := m.again(m.w.T("access.date.bad", "Typed", line, "Why", coach.ErrorText(m.w, err))); err != nil {
			return coach.Answer{}, false, err
		}
	}
}

// again says what was wrong with a line. A person is asked again; a
// script stops, since every answer after it would land on the wrong prompt.
func (m *lineMode) again(problem string) error {
	if m.human {
		m.say(problem + " " + m.w.T("access.again"))
		return nil
	}
	m.leave()
	return errors.New(m.w.T("access.badline", "Line", m.in.line, "Problem", problem))
}

// keep writes the draft, adding the person first if they are new.
func (m *lineMode) keep(itemID string) error {
	if m.person.ID == "" {
		p, _, err := m.st.EnsurePerson(m.name)
		if err != nil {
			return err
		}
		m.person, m.name, m.sess.PersonID = p, p.Name, p.ID
	}
	m.sess.Position = coach.Position{Item: itemID}
	m.sess.Updated = time.Now()
	return m.st.SaveDraft(m.sess.Clone())
}

// leave marks the draft as left, so the screens carry on with it at once.
func (m *lineMode) leave() {
	if m.person.ID == "" || m.sess.Empty() {
		return
	}
	m.sess.Left = true
	m.sess.Updated = time.Now()
	_ = m.st.SaveDraft(m.sess.Clone()) // it was written already; this only marks it
}

// answered counts the prompts asked that hold an answer.
func (m *lineMode) answered() int {
	n := 0
	for _, it := range m.asked {
		if !m.sess.Answer(it.ID).Empty() {
			n++
		}
	}
	return n
}

// answerLines are an answer as lines to read out.
func (m *lineMode) answerLines(it coach.Item, a coach.Answer) []string {
	var out []string
	switch {
	case a.Empty():
		return []string{m.w.T("access.review.skipped")}
	case it.Kind == coach.KindRating && a.Rating > 0:
		if l := it.ScaleLabel(a.Rating); l != "" {
			out = append(out, m.w.T("access.review.rating", "Rating", a.Rating, "Label", l))
		} else {
			out = append(out, m.w.T("access.review.ratingplain", "Rating", a.Rating))
		}
		if strings.TrimSpace(a.Text) != "" {
			out = append(out, m.w.T("access.review.note", "Note", a.Text))
		}
		return out
	case it.Kind == coach.KindDate && !a.Date.IsZero():
		return []string{m.w.Date(a.Date.Time())}
	}
	return strings.Split(a.Text, "\n")
}

// review reads back every prompt asked, with its answer or "Skipped".
func (m *lineMode) review(answered int) {
	m.say("")
	m.say(m.w.T("access.review", "Name", m.name, "Answered", answered, "Count", len(m.asked)))
	for _, st := range m.guide.PartStages(coach.PartPrep) {
		first := true
		for _, it := range m.asked {
			if !strings.HasPrefix(it.ID, st.ID+".") {
				continue
			}
			if first {
				m.say("")
				m.say(st.Title + ".")
				first = false
			}
			m.say(it.Prompt)
			for _, l := range m.answerLines(it, m.sess.Answer(it.ID)) {
				m.say(l)
			}
		}
	}
	m.say("")
}

// confirmAndSave asks whether to save, and saves or keeps the draft.
func (m *lineMode) confirmAndSave(answered int) error {
	empty := answered == 0 && m.sess.Empty()
	if empty {
		m.say(m.w.T("access.ask.empty"))
	} else {
		m.say(m.w.T("access.ask.save"))
	}
	save := false
	switch {
	case m.flags.yes:
		m.say(m.w.T("access.yesflag"))
		save = true
	default:
		line, ok := m.in.next()
		switch {
		case ok:
			save = m.isYes(line)
		case !m.human && !empty:
			m.say(m.w.T("access.eofsave"))
			save = true
		case !m.human:
			m.say(m.w.T("access.emptyeof"))
			return nil
		}
	}
	if !save {
		if m.person.ID == "" {
			m.say(m.w.T("access.nothing"))
			return nil
		}
		m.leave()
		m.say(m.w.T("access.notsaved", "Name", shellArg(m.name)))
		return nil
	}
	if m.person.ID == "" {
		p, _, err := m.st.EnsurePerson(m.name)
		if err != nil {
			return err
		}
		m.person, m.name, m.sess.PersonID = p, p.Name, p.ID
	}
	saved, err := m.st.SaveSession(m.sess.Clone())
	if err != nil {
		return err
	}
	m.say(m.w.T("access.saved", "Name", m.name, "Answered", answered, "Count", len(m.asked)))
	m.say(m.w.T("access.savedid", "ID", saved.ID))
	return nil
}

// isYes reports whether a typed answer means yes, in the interface language.
func (m *lineMode) isYes(line string) bool {
	line = strings.ToLower(strings.TrimSpace(line))
	for _, y := range strings.Split(m.w.T("access.yeswords"), ",") {
		if line != "" && line == strings.TrimSpace(y) {
			return true
		}
	}
	return false
}

// say prints one line, with nothing hidden in it: no escape sequence or
// control character reaches the screen reader or the log.
func (m *lineMode) say(s string) {
	fmt.Fprintln(m.out, coach.SafeText(s))
}

// lineReader reads the input a line at a time, however long the line.
type lineReader struct {
	r    *bufio.Reader
	line int  // lines read so far, for what a script is told
	eof  bool // the input has ended
	// lastEmpty: the last call to next found the input already ended.
	lastEmpty bool
}

func newLineReader(r io.Reader) *lineReader {
	if r == nil {
		r = strings.NewReader("")
	}
	return &lineReader{r: bufio.NewReader(r)}
}

// empty reports whether the input ends before its first line.
func (l *lineReader) empty() bool {
	_, err := l.r.Peek(1)
	return err != nil
}

// next is the next line without its line ending; ok is false at the end of
// the input.
func (l *lineReader) next() (string, bool) {
	if l.eof {
		l.lastEmpty = true
		return "", false
	}
	s, err := l.r.ReadString('\n')
	if err != nil {
		l.eof = true
		if s == "" {
			l.lastEmpty = true
			return "", false
		}
	}
	l.lastEmpty = false
	l.line++
	return strings.TrimRight(s, "\r\n"), true
}
