package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"time"

	"attend/coach/msg"
)

// Said is an error written for the person at the keyboard: a message of
// the catalogue (coach/msg, ids coach.…) and the values that fill it in.
// Error is its English, as it always was; Text says it in any language.
// What was typed goes in quoted, as it was typed.
type Said struct {
	ID   string
	Args []any // key and value pairs, as msg.Lang.T takes them
}

// said is the error the message id says, filled in from key and value pairs.
func said(id string, kv ...any) *Said { return &Said{ID: id, Args: kv} }

func (e *Said) Error() string { return e.Text(english) }

// Text is the error in l (English when l is nil).
func (e *Said) Text(l *msg.Lang) string {
	if l == nil {
		l = english
	}
	kv := make([]any, len(e.Args))
	for i, v := range e.Args {
		switch v := v.(type) {
		case orList:
			kv[i] = v.in(l)
		case outcomeChoices:
			kv[i] = v.in(l)
		case monthName:
			kv[i] = l.T(fmt.Sprintf("coach.month.%d", int(v)))
		case Month:
			kv[i] = l.Month(v.First().Time())
		case Date:
			kv[i] = l.Date(v.Time())
		case time.Duration:
			kv[i] = l.Duration(v)
		case Texter: // a message in a message: said in l too
			kv[i] = v.Text(l)
		case error:
			kv[i] = ErrorText(l, v)
		default:
			kv[i] = v
		}
	}
	return l.T(e.ID, kv...)
}

// orList is names joined with "or" in the language of the message.
type orList []string

func (o orList) in(l *msg.Lang) string {
	if len(o) < 2 {
		return strings.Join(o, "")
	}
	return l.T("coach.or", "Names", strings.Join(o[:len(o)-1], ", "), "Last", o[len(o)-1])
}

// monthName is a month's full name in the language of the message.
type monthName int

// Texter is an error that can say itself in a language.
type Texter interface {
	error
	Text(l *msg.Lang) string
}

// ErrorText is err as l says it: each error in its chain that can say
// itself in a language (a *Said, the store's errors) does so in place of
// its English; the rest stays as it is. English is err.Error() unchanged.
func ErrorText(l *msg.Lang, err error) string {
	if err == nil {
		return ""
	}
	text := err.Error()
	if l == nil || l.Code == "en" {
		return text
	}
	var walk func(error)
	walk = func(e error) {
		if t, ok := e.(Texter); ok {
			if en, said := t.Error(), t.Text(l); en != "" && said != en && strings.Contains(text, en) {
				text = strings.Replace(text, en, said, 1)
				return // it said what it wraps too
			}
		}
		if pe, ok := e.(*fs.PathError); ok {
			if why := osWhy(l, pe.Err); why != "" && strings.Contains(text, pe.Error()) {
				text = strings.Replace(text, pe.Error(), l.T("coach.os.path", "Path", pe.Path, "Why", why), 1)
				return
			}
		}
		if errno, ok := e.(syscall.Errno); ok {
			if why := osWhy(l, errno); why != "" && strings.Contains(text, errno.Error()) {
				text = strings.Replace(text, errno.Error(), why, 1)
			}
			return
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			if next := u.Unwrap(); next != nil {
				walk(next)
			}
		case interface{ Unwrap() []error }:
			for _, next := range u.Unwrap() {
				walk(next)
			}
		}
	}
	walk(err)
	return text
}

// IsSaid reports whether err is, or wraps, an error written for the person
// at the keyboard.
func IsSaid(err error) bool {
	var s *Said
	return errors.As(err, &s)
}

// osWhy says in l why the operating system refused a file ("no such file
// or directory"), or "" for a reason it has no words for (which then stays
// as the system gave it).
// OSReason is the operating system's reason for err (anywhere in its
// chain) in a few words in l: "you do not have permission", "the disk is
// full"; "" if it is not one attend can say.
func OSReason(l *msg.Lang, err error) string { return osWhy(l, err) }

func osWhy(l *msg.Lang, err error) string {
	for _, r := range []struct {
		err error
		id  string
	}{
		{fs.ErrNotExist, "coach.os.notexist"},
		{fs.ErrPermission, "coach.os.permission"},
		{fs.ErrExist, "coach.os.exist"},
		{syscall.EISDIR, "coach.os.isdir"},
		{syscall.ENOTDIR, "coach.os.notdir"},
		{syscall.ENOSPC, "coach.os.nospace"},
		{syscall.EROFS, "coach.os.readonly"},
		{syscall.ELOOP, "coach.os.loop"},
		{syscall.ENAMETOOLONG, "coach.os.toolong"},
	} {
		if errors.Is(err, r.err) {
			return l.T(r.id)
		}
	}
	return ""
}
