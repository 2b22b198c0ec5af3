package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// Every read and write of the store happens in one of these commands, off
// the UI goroutine; Update only ever sees their results as messages.

// peopleMsg carries the home screen's data.
type peopleMsg struct {
	people []coach.Person
	drafts map[string]time.Time
	err    error
}

func loadPeople(st Store) tea.Cmd {
	return func() tea.Msg {
		people, err := st.People()
		if err != nil {
			return peopleMsg{err: err}
		}
		drafts, err := st.Drafts()
		return peopleMsg{people: people, drafts: drafts, err: err}
	}
}

// personAddedMsg answers an "add person" from the home screen.
type personAddedMsg struct {
	person  coach.Person
	created bool
	err     error
}

func addPerson(st Store, name string) tea.Cmd {
	return func() tea.Msg {
		p, created, err := st.EnsurePerson(name)
		return personAddedMsg{person: p, created: created, err: err}
	}
}

// prepReadyMsg opens a prep: the person, and their draft if one was kept.
type prepReadyMsg struct {
	person  coach.Person
	created bool
	full    bool // the manager's choice of a full prep
	draft   *coach.Session
	err     error
}

// openPrepByName finds or adds the person, then looks for their draft.
func openPrepByName(st Store, name string) tea.Cmd {
	return func() tea.Msg {
		p, created, err := st.EnsurePerson(name)
		if err != nil {
			return prepReadyMsg{err: err}
		}
		return withDraft(st, p, created)
	}
}

func openPrep(st Store, p coach.Person) tea.Cmd {
	return func() tea.Msg { return withDraft(st, p, false) }
}

func withDraft(st Store, p coach.Person, created bool) prepReadyMsg {
	d, ok, err := st.Draft(p.ID)
	if err != nil {
		return prepReadyMsg{person: p, created: created, err: err}
	}
	full, _ := st.FullPrep() // unknown: the quick prep
	msg := prepReadyMsg{person: p, created: created, full: full}
	if ok {
		msg.draft = &d
	}
	return msg
}

// draftSavedMsg reports an autosave.
// It names the session, so a result that arrives after the manager has moved
// on to someone else's prep is never taken for the new one's.
type draftSavedMsg struct {
	sessionID string
	rev       int
	at        time.Time
	written   coach.Session // what was written (or not, if err)
	err       error
}

func saveDraft(st Store, s coach.Session, rev int, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		err := st.SaveDraft(s)
		return draftSavedMsg{sessionID: s.ID, rev: rev, at: now(), written: s, err: err}
	}
}

// sessionSavedMsg reports the final save of a prep. person is always the
// one it was saved for; session is empty when err is set.
type sessionSavedMsg struct {
	session coach.Session
	person  coach.Person
	err     error
}

func saveSession(st Store, p coach.Person, s coach.Session) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.SaveSession(s)
		return sessionSavedMsg{session: saved, person: p, err: err}
	}
}

// autosaveTickMsg asks the prep to write its draft if it changed.
type autosaveTickMsg struct{}

// AutosaveDelay is how long after a change the draft is written. Together
// with the time a commit takes, it keeps every change on disk within a
// second, while a fast typist causes at most two writes a second.
const AutosaveDelay = 500 * time.Millisecond

func autosaveTick(d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return autosaveTickMsg{} })
}

// personChangedMsg reports a changed person: their cadence, their name, or
// their removal.
type personChangedMsg struct {
	what   string // "cadence", "rename" or "erase"
	person coach.Person
	err    error
}

func setCadence(st Store, personID string, c coach.Cadence) tea.Cmd {
	return func() tea.Msg {
		p, err := st.UpdatePerson(personID, func(p *coach.Person) error {
			p.Cadence = c
			return nil
		})
		return personChangedMsg{what: "cadence", person: p, err: err}
	}
}

func renamePerson(st Store, personID, name string) tea.Cmd {
	return func() tea.Msg {
		p, err := st.UpdatePerson(personID, func(p *coach.Person) error {
			p.Name = name
			return nil
		})
		return personChangedMsg{what: "rename", person: p, err: err}
	}
}

// erasePerson removes a person and everything about them, as attend erase
// does, then rewrites the file so no fragment remains.
func erasePerson(st Store, p coach.Person) tea.Cmd {
	return func() tea.Msg {
		err := st.ErasePerson(p.ID)
		return personChangedMsg{what: "erase", person: p, err: err}
	}
}

// partSavedMsg reports writing a saved session's record or reflection.
type partSavedMsg struct {
	sessionID string
	rev       int
	at        time.Time
	session   coach.Session
	err       error
}

func savePart(st Store, id string, before coach.Session, part coach.Part, answers map[string]coach.Answer, acts []coach.Action, rev int, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		s, err := st.SavePart(id, before, part, answers, acts)
		return partSavedMsg{sessionID: id, rev: rev, at: now(), session: s, err: err}
	}
}

// setFullPrep remembers whether preps show every prompt. A failure only
// means the next prep starts quick again, so it is not reported.
func setFullPrep(st Store, full bool) tea.Cmd {
	return func() tea.Msg {
		_ = st.SetFullPrep(full)
		return nil
	}
}
