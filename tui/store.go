package tui

import (
	"time"

	"attend/coach"
)

// Store is what the screens need from storage. The real one is data.Store;
// every call happens inside a tea.Cmd, never in Update or View.
type Store interface {
	// People lists everyone the manager supervises.
	People() ([]coach.Person, error)
	// EnsurePerson finds a person by name (ignoring case and accents) or adds them.
	EnsurePerson(name string) (p coach.Person, created bool, err error)
	// Drafts maps person id to when their unsaved prep last changed.
	Drafts() (map[string]time.Time, error)
	// Draft returns a person's unsaved prep, if there is one.
	Draft(personID string) (coach.Session, bool, error)
	// SaveDraft stores a prep in progress. It never resurrects a session that
	// has since been saved.
	SaveDraft(s coach.Session) error
	// SaveSession saves a finished prep and removes its draft in one commit.
	SaveSession(s coach.Session) (coach.Session, error)
	// Summaries pages through saved sessions, newest first, for everyone
	// (personID "") or one person, reading only the summary index.
	Summaries(personID, after string, limit int) ([]coach.Summary, string, error)
	// LatestSummaries is each person's most recent session, by person id,
	// read in one go for the team view.
	LatestSummaries() (map[string]coach.Summary, error)
	// Session reads one saved session by id.
	Session(id string) (coach.Session, error)
	// Person reads one person by id.
	Person(id string) (coach.Person, error)
	// UpdatePerson changes one person in one commit (their cadence, say).
	UpdatePerson(id string, edit func(*coach.Person) error) (coach.Person, error)
	// ErasePerson removes a person and everything about them, leaving no
	// trace in the file (as attend erase does).
	ErasePerson(id string) error
	// SavePart writes the meeting record or the reflection of a saved
	// session, if that part is as it was in before (coach.ErrRecordChanged).
	SavePart(id string, before coach.Session, part coach.Part, answers map[string]coach.Answer, actions []coach.Action) (coach.Session, error)
	// FullPrep is whether the manager chose to see every prompt of a prep.
	FullPrep() (bool, error)
	SetFullPrep(full bool) error

	FollowUps // open actions, and closing them
	Searcher  // search as you type
	Recorder  // the record after the meeting
}
