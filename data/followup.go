package data

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// errAgreed explains why an agreed record cannot be changed.
func (s *Store) errAgreed(b txBuckets, sess coach.Session) error {
	name := "the staff member"
	if p, err := s.getPerson(b, sess.PersonID); err == nil {
		name = p.Name
	}
	return saidErr(ErrAgreed, s.path, nil, "store.agreed", "Name", name, "Date", sess.Agreed)
}

// OpenActions lists every open action agreed in a saved session, for one
// person or (personID "") everyone, most urgent first (coach.SortFollowUps:
// overdue first). It reads only the open-actions index, never a session.
// An action stays open, and listed, until SetActionStatus closes it, however
// many later sessions there have been.
func (s *Store) OpenActions(personID string) ([]coach.ActionRef, error) {
	var out []coach.ActionRef
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		prefix := []byte(personID)
		// Count first (keys only): the refs are large, and growing the
		// slice as they come copied them over and over.
		n := 0
		c := b.idxOpen.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			n++
		}
		if n > 0 {
			out = make([]coach.ActionRef, 0, n)
		}
		names := newNamesBeside(b.people, prefix)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if len(k) != openKeyLen {
				return errCorrupt(s.path, nil, "an open-action index key has the wrong length")
			}
			plain, err := b.idxOpen.Open(k, v)
			if err != nil {
				return s.recordErr("open action", k[2*idLen:], err)
			}
			r, err := decodeOpen(plain)
			if err != nil {
				return s.recordErr("open action", k[2*idLen:], err)
			}
			pid, name := names.of(k[:idLen])
			out = append(out, coach.ActionRef{
				PersonID: pid, PersonName: name, SessionID: string(k[idLen : 2*idLen]),
				SessionDate: r.SessionDate, Action: r.Action,
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	coach.SortFollowUps(out)
	return out, nil
}

// ListedAction is an open action as attend actions lists it
// (OpenActionList): what its line shows.
type ListedAction struct {
	ID, PersonName, Text string
	Owner                coach.Owner
	Status               coach.ActionStatus
	Due                  coach.Date
}

// Overdue reports whether the action is past its due date, as
// coach.ActionRef.Overdue does.
func (a *ListedAction) Overdue(today coach.Date) bool {
	r := coach.ActionRef{Action: coach.Action{Status: a.Status, Due: a.Due}}
	return r.Overdue(today)
}

// OpenActionList is OpenActions for a list of them: the same actions in
// the same order (coach.FollowUpOrder), each only what its line shows.
// Every value is checked as OpenActions checks it (its checksum and
// layout, its times read), but nothing else is kept: the strings of all
// the actions are one allocation, there is no ActionRef to make and move
// for each, and the sort moves a small record. attend actions lists every
// open action of every person through it.
func (s *Store) OpenActionList(personID string) ([]ListedAction, error) {
	var out []ListedAction
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		prefix := []byte(personID)
		// Count first, and the bytes the values hold (more than their
		// strings need): then each slice is made once.
		n, size := 0, 0
		c := b.idxOpen.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			n++
			size += len(v)
		}
		if n == 0 {
			return nil
		}
		out = make([]ListedAction, 0, n)
		sessions := make([]coach.Date, 0, n)
		// The strings of every action are written into one buffer, made
		// once to hold them (what each value holds but the times, dates
		// and the rest of its fixed part); each is cut from it. Were the
		// guess short, the buffer would grow: what was cut already stays
		// as it was, in the buffer it was cut from.
		var text strings.Builder
		text.Grow(max(size-n*openFixedLen, 0))
		names := newNamesBeside(b.people, prefix)
		var f openFields
		var created, closed time.Time
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if len(k) != openKeyLen {
				return errCorrupt(s.path, nil, "an open-action index key has the wrong length")
			}
			plain, err := b.idxOpen.Open(k, v)
			if err != nil {
				return s.recordErr("open action", k[2*idLen:], err)
			}
			if !parseOpen(plain, &f, &created, &closed) {
				return s.recordErr("open action", k[2*idLen:], errOpenRecord)
			}
			_, name := names.of(k[:idLen])
			base := text.Len()
			text.Write(f.all[:f.at[3][1]]) // id, text, owner, status; not the reason
			all := text.String()
			str := func(i int) string { return all[base+f.at[i][0] : base+f.at[i][1]] }
			out = append(out, ListedAction{ID: str(0), PersonName: name, Text: str(1),
				Owner: coach.Owner(str(2)), Status: coach.ActionStatus(str(3)), Due: f.due})
			sessions = append(sessions, f.session)
		}
		order := coach.FollowUpOrder(len(out), func(i int) (coach.Date, coach.Date, string) {
			return out[i].Due, sessions[i], out[i].ID
		})
		// Move each action to its place along the cycles of the order.
		for i := range order {
			if order[i] == i {
				continue
			}
			aside, j := out[i], i
			for {
				from := order[j]
				order[j] = j
				if from == i {
					out[j] = aside
					break
				}
				out[j] = out[from]
				j = from
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// changeSession reads a saved session by its full id, lets change alter it,
// and saves it back with its indexes in the same transaction, stamping
// Updated. change runs inside the transaction: it must not call the Store.
func (s *Store) changeSession(id, what string, change func(b txBuckets, sess *coach.Session) error) (coach.Session, error) {
	var out coach.Session
	err := s.update(func(_ *bbolt.Tx, b txBuckets) error {
		raw, err := b.sessions.Get([]byte(id))
		if err != nil {
			return s.recordErr("session", []byte(id), err)
		}
		if raw == nil || id == "" {
			return saidErr(ErrNotFound, s.path, nil, "store.nosession", "ID", fmt.Sprintf("%q", id))
		}
		sess, err := decodeSession(raw)
		if err != nil {
			return s.recordErr("session", []byte(id), err)
		}
		if err := change(b, &sess); err != nil {
			return err
		}
		sess.Updated = s.now()
		if err := sess.Validate(); err != nil {
			return errInvalid(err, what) // what Validate passes, encodes (encodeValidSession)
		}
		if err := s.saveSessionTx(b, s.guide(sess.Lang), sess); err != nil {
			return err
		}
		out = sess
		return nil
	})
	if err != nil {
		return coach.Session{}, err
	}
	return out, nil
}

// SetActionStatus marks an action of a saved session done, dropped (with a
// reason) or open again (coach.CloseAction), and updates the session and the
// open-actions index together. It is allowed on an agreed record: a
// follow-up is not an edit of what was agreed. ErrNotFound if there is no
// such session or action; ErrInvalid for a bad status or a drop without a
// reason.
func (s *Store) SetActionStatus(sessionID, actionID string, status coach.ActionStatus, reason string) (coach.Session, error) {
	const what = "store.what.action"
	return s.changeSession(sessionID, what, func(_ txBuckets, sess *coach.Session) error {
		for i, a := range sess.Actions {
			if a.ID != actionID {
				continue
			}
			changed, err := coach.CloseAction(a, status, reason, s.now())
			if err != nil {
				return errInvalid(err, what)
			}
			sess.Actions[i] = changed
			return nil
		}
		return saidErr(ErrNotFound, s.path, nil, "store.noaction", "Session", sessionID, "ID", fmt.Sprintf("%q", actionID))
	})
}

// SetActionOutcome records whether a done action helped (helped, partly,
// not yet, didn't ask), marking it done first if it is still open, in one
// transaction. Like SetActionStatus it is allowed on an agreed record: the
// outcome is a follow-up, not an edit of what was agreed. ErrNotFound if
// there is no such session or action; ErrInvalid for an outcome that is
// not one of coach.Outcomes or an action that was dropped.
func (s *Store) SetActionOutcome(sessionID, actionID string, o coach.Outcome) (coach.Session, error) {
	const what = "store.what.outcome"
	return s.changeSession(sessionID, what, func(_ txBuckets, sess *coach.Session) error {
		for i, a := range sess.Actions {
			if a.ID != actionID {
				continue
			}
			if a.Status == coach.ActionOpen || a.Status == "" {
				var err error
				if a, err = coach.CloseAction(a, coach.ActionDone, "", s.now()); err != nil {
					return errInvalid(err, what)
				}
			}
			changed, err := coach.SetOutcome(a, o)
			if err != nil {
				return errInvalid(err, what)
			}
			sess.Actions[i] = changed
			return nil
		}
		return saidErr(ErrNotFound, s.path, nil, "store.noaction", "Session", sessionID, "ID", fmt.Sprintf("%q", actionID))
	})
}

// CompleteSession adds what happened at the meeting to a saved session
// whose record is not yet agreed: record (what they said, the meeting
// record's answer coach.SaidID; it replaces any written before, so pass
// the whole text), the actions agreed
// (each one with the id of an action already there replaces it, the rest
// are added; blank ones are dropped, and ids, owners and statuses filled
// in as on save) and the next session's date (answers["close.next"]; a
// zero date keeps the one there). ErrAgreed once the record is agreed.
func (s *Store) CompleteSession(id string, record string, actions []coach.Action, next coach.Date) (coach.Session, error) {
	return s.completeSession(id, nil, record, actions, next)
}

// CompleteSessionIf is CompleteSession for an editor that may share the
// record with another window: it writes only if the stored record is still
// the text the editor last saw (expect), and otherwise returns
// coach.ErrRecordChanged and changes nothing, so one window never silently
// replaces what another wrote.
func (s *Store) CompleteSessionIf(id, expect, record string, actions []coach.Action, next coach.Date) (coach.Session, error) {
	return s.completeSession(id, &expect, record, actions, next)
}

func (s *Store) completeSession(id string, expect *string, record string, actions []coach.Action, next coach.Date) (coach.Session, error) {
	const what = "store.what.record"
	if err := next.Check(); err != nil {
		return coach.Session{}, errInvalid(err, what)
	}
	return s.changeSession(id, what, func(b txBuckets, sess *coach.Session) error {
		if sess.IsAgreed() {
			return s.errAgreed(b, *sess)
		}
		if expect != nil && sess.Said() != strings.TrimSpace(*expect) {
			return saidErr(coach.ErrRecordChanged, s.path, nil, "store.record.changed")
		}
		sess.SetAnswer(coach.SaidID, coach.Answer{Text: strings.TrimSpace(record)})
		for _, a := range actions {
			replaced := false
			for i := range sess.Actions {
				if a.ID != "" && sess.Actions[i].ID == a.ID {
					sess.Actions[i], replaced = a, true
					break
				}
			}
			if !replaced {
				sess.Actions = append(sess.Actions, a)
			}
		}
		if !next.IsZero() {
			ans := sess.Answer(coach.NextID)
			ans.Date = next
			sess.SetAnswer(coach.NextID, ans)
		}
		sess.Tidy(s.now())
		return nil
	})
}

// AgreeSession records that the staff member agreed the record on the
// given day (zero: today). From then on the session is read-only
// (ErrAgreed from SaveSession and CompleteSession); AddAddendum and
// SetActionStatus still work. Agreeing again on the same day changes
// nothing; on another day it is ErrAgreed. The day cannot be before the
// session or after today, and a record with nothing in it is not agreed
// (ErrInvalid).
func (s *Store) AgreeSession(id string, on coach.Date) (coach.Session, error) {
	const what = "store.what.agreed"
	today := coach.DateOf(s.now())
	if on.IsZero() {
		on = today
	}
	if err := on.Check(); err != nil {
		return coach.Session{}, errInvalid(err, what)
	}
	if today.Before(on) {
		return coach.Session{}, errInvalid(said("store.cause.afterToday", "Date", on), what)
	}
	var same bool
	out, err := s.changeSession(id, what, func(b txBuckets, sess *coach.Session) error {
		switch {
		case sess.Agreed == on:
			same = true
			return errUnchanged
		case sess.IsAgreed():
			return s.errAgreed(b, *sess)
		case on.Before(sess.Date):
			return errInvalid(said("store.cause.beforeSession", "Date", on, "Session", sess.Date), what)
		case !sess.RecordWritten():
			// Agreeing would lock an empty record for good (found in a trial).
			return errInvalid(said("store.cause.agreeEmpty"), what)
		}
		sess.Agreed = on
		return nil
	})
	if same && errors.Is(err, errUnchanged) {
		return s.Session(id)
	}
	return out, err
}

// errUnchanged rolls back a change that would change nothing.
var errUnchanged = errors.New("unchanged")

// AddAddendum adds a dated correction or later note (stamped now) to a
// saved session, after any already there. It is how an agreed record is
// corrected; it works on any saved session. The text is trimmed and must
// not be empty (ErrInvalid).
func (s *Store) AddAddendum(id, text string) (coach.Session, error) {
	const what = "store.what.addendum"
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return coach.Session{}, errInvalid(said("store.cause.addendumEmpty"), what)
	case !utf8.ValidString(text):
		return coach.Session{}, errInvalid(said("store.cause.addendumUTF8"), what)
	case utf8.RuneCountInString(text) > coach.MaxAnswerLen:
		return coach.Session{}, errInvalid(said("store.cause.addendumLong", "N", coach.MaxAnswerLen), what)
	}
	return s.changeSession(id, what, func(_ txBuckets, sess *coach.Session) error {
		sess.Addenda = append(sess.Addenda, coach.Addendum{At: s.now(), Text: text})
		return nil
	})
}
