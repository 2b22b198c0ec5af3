package main

import (
	"strings"

	"attend/coach"
	"attend/coach/msg"
)

// The command line says everything through the message catalogue
// (coach/msg, the files cli.en.json and cli.cy.json), in the language
// chosen by --lang, else ATTEND_LANG, else a Welsh locale; English
// otherwise. What was typed, names and ids are printed as they are, and the
// JSON export stays language-neutral.

// words is the language of what attend prints.
func (o *options) words() *msg.Lang { return msg.New(o.langCode()) }

// english is the language of the functions tests call without one.
var english = msg.New("en")

// human is a calendar day as the language writes it: "Thu 26 Nov 2026",
// "Iau 26 Tach 2026"; "" for no date.
func human(l *msg.Lang, d coach.Date) string {
	if d.IsZero() {
		return ""
	}
	return l.Date(d.Time())
}

// month is a month and its year: "Nov 2026", "Tach 2026".
func month(l *msg.Lang, m coach.Month) string { return l.Month(m.First().Time()) }

// cadenceText is how often someone has supervision: "every 6 weeks",
// "bob pythefnos".
func cadenceText(l *msg.Lang, c coach.Cadence) string { return c.StringIn(l) }

// dueText says when someone's next session is due.
func dueText(l *msg.Lang, d coach.Due) string { return d.LabelIn(l) }

// ownerText names who carries an action: "me", "fi".
func ownerText(l *msg.Lang, o coach.Owner) string { return o.LabelIn(l) }

// outcomeText says whether help helped.
func outcomeText(l *msg.Lang, o coach.Outcome) string { return o.LabelIn(l) }

// counted is a number with its noun from a plural message of the
// catalogue: {{.N}} is the number with commas in thousands (10,000), and
// the count chooses the form.
func counted(l *msg.Lang, id string, n int, kv ...any) string {
	return l.T(id, append([]any{"Count", n, "N", msg.Thousands(n)}, kv...)...)
}

// nameList joins people's names for a message: "Ann", "Ann or Anna",
// "Ann, Anna or Annie".
func nameList(l *msg.Lang, people []coach.Person) string {
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Name
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return l.T("cli.or", "Names", strings.Join(names[:len(names)-1], ", "), "Last", names[len(names)-1])
}

// wrapErr is the message id, with the error that caused it as {{.Err}},
// still an error errors.Is and errors.As can look through.
func wrapErr(l *msg.Lang, id string, err error, kv ...any) error {
	return &saidErr{text: l.T(id, append([]any{"Err", coach.ErrorText(l, err)}, kv...)...), err: err}
}

type saidErr struct {
	text string
	err  error
}

func (e *saidErr) Error() string { return e.text }
func (e *saidErr) Unwrap() error { return e.err }
