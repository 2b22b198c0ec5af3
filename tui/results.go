package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// What commands send back, and what each answer changes on screen.

// result handles what a command sent back.
func (m *Model) result(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case peopleMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not read your people", msg.err), true)
			return nil
		}
		m.home.setPeople(m.ctx, msg.people, msg.drafts)
	case personAddedMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not add that person", msg.err), true)
			return nil
		}
		if msg.created {
			m.setNotice("Added "+msg.person.Name+". Press enter to start a prep for them.", false)
		} else {
			m.setNotice(msg.person.Name+" is already on your list.", false)
		}
		m.home.selectAfterLoad = msg.person.ID
		return loadPeople(m.ctx.Store)
	case prepReadyMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not open the prep", msg.err), true)
			return nil
		}
		m.prep = newPrep(m.ctx, msg.person, msg.draft, msg.created)
		m.screen = screenPrep
		if msg.draft != nil || msg.created {
			return nil // a restored draft has seen its follow-ups; someone new has none
		}
		// Open actions from earlier sessions come first, if there are any.
		m.follow = newActions(m.ctx, msg.person.ID, msg.person.Name)
		return loadActions(m.ctx.Store, msg.person.ID)
	case draftSavedMsg:
		if m.prep == nil || msg.sessionID != m.prep.session.ID {
			return nil // an earlier prep's write, finished after it was left
		}
		cmd := m.prep.draftSaved(m.ctx, msg)
		if m.quitting {
			return m.afterQuitFlush(msg.err)
		}
		return cmd
	case sessionSavedMsg:
		return m.sessionSaved(msg)
	case historyMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not read the history", msg.err), true)
			return nil
		}
		m.history.setPage(msg)
	case detailMsg:
		if msg.err != nil {
			m.screen = screenHistory
			m.setNotice(errText("Could not open that session", msg.err), true)
			return nil
		}
		m.detail.set(m.ctx, msg, m.bodyHeight())
	case personTrendMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not read their sessions", msg.err), true)
			return nil
		}
		if msg.person.ID == m.trend.person.ID {
			m.trend.loaded, m.trend.sums = true, msg.sums
		}
	case cadenceSetMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not change how often", msg.err), true)
			return nil
		}
		due := coach.DueFor(msg.person, m.ctx.Today())
		text := msg.person.Name + ": supervision " + msg.person.Cadence.String()
		if due.State != coach.NeverMet {
			text += "; " + due.Label()
		}
		if !msg.person.NextSession.IsZero() {
			text += " (the next date agreed at the last session, " + msg.person.NextSession.Human() + ", comes first)"
		}
		m.setNotice(text+".", false)
		m.home.selectAfterLoad = msg.person.ID
		return loadPeople(m.ctx.Store)
	case recordSavedMsg:
		if m.screen == screenRecord {
			m.record.written(msg)
		}
		if errors.Is(msg.err, coach.ErrRecordChanged) || (errors.Is(msg.err, coach.ErrRecordAgreed) && m.screen == screenRecord) {
			if m.quitting {
				m.quitting, m.forceQuit = false, true
				m.setNotice("This record was changed elsewhere; what is here is not saved. ctrl+s keeps it; ctrl+c again quits without it.", true)
			}
			return nil // the form says what happened and what to do
		}
		if msg.err != nil {
			m.record.err = msg.err
			m.setNotice(errText("Could not save the record", msg.err), true)
			if m.quitting {
				m.quitting, m.forceQuit = false, true
				m.setNotice(errText("Could not save the record", msg.err)+" Press ctrl+c again to quit anyway.", true)
			}
			return nil
		}
		if msg.what == "quit" {
			return tea.Quit
		}
		m.record.err = nil
		if m.detail.loaded && msg.session.ID == m.detail.session.ID {
			m.detail.set(m.ctx, detailMsg{person: m.detail.person, session: msg.session}, m.bodyHeight())
		}
		switch msg.what {
		case "record":
			m.setNotice("Record saved for "+m.detail.person.Name+". When they have read it, a marks it agreed.", false)
		case "agreed":
			m.setNotice("Marked agreed with "+m.detail.person.Name+" on "+msg.session.Agreed.Human()+". The record is now read-only.", false)
		case "addendum":
			m.detail.vp.GotoBottom() // where the new note is
			m.setNotice("Dated note added.", false)
		}
	case searchMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not search", msg.err), true)
			return nil
		}
		return m.history.setHits(m.ctx, msg)
	case actionsMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not read the open actions", msg.err), true)
			return nil
		}
		m.actions.set(msg)
		m.follow.set(msg)
		// The follow-ups come first only if the prep has not begun meanwhile.
		if msg.personID != "" && len(m.follow.refs) > 0 && m.screen == screenPrep && m.prep != nil &&
			m.prep.person.ID == msg.personID && m.prep.rev == 0 {
			m.screen = screenFollowUp
		}
	case actionClosedMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not update that action", msg.err), true)
			return nil
		}
		what := "Marked done: "
		if msg.status == coach.ActionDropped {
			what = "Dropped: "
		}
		m.setNotice(what+msg.ref.Action.Text, false)
		if m.screen == screenFollowUp {
			return loadActions(m.ctx.Store, m.follow.personID)
		}
		return loadActions(m.ctx.Store, "")
	case teamMsg:
		if msg.err != nil {
			m.setNotice(errText("Could not read the team", msg.err), true)
			return nil
		}
		m.team.loaded, m.team.rows = true, msg.rows
	}
	return nil
}

func (m *Model) afterQuitFlush(err error) tea.Cmd {
	switch {
	case err != nil:
		m.quitting = false
		m.forceQuit = true
		m.setNotice(errText("Could not save your draft", err)+" Press ctrl+c again to quit anyway (your latest typing would be lost), or any other key to stay.", true)
		return nil
	case m.prep.dirty():
		return m.prep.flush(m.ctx) // typed between the flush and its result
	}
	return tea.Quit
}

func (m *Model) sessionSaved(msg sessionSavedMsg) tea.Cmd {
	m.review.saving = false
	if msg.err != nil {
		if errors.Is(msg.err, coach.ErrDraftElsewhere) {
			m.prep.elsewhere = true // the next ctrl+s saves it as a separate session
		}
		m.review.err = msg.err
		m.quitting = false
		return nil
	}
	answered, total := msg.session.Completeness(m.ctx.Guide)
	text := fmt.Sprintf("Saved %s's prep: %d of %d prompts answered, %s.", msg.person.Name, answered, total, plural(len(msg.session.Actions), "action"))
	if next := msg.session.NextSession(); !next.IsZero() {
		text += " Next session " + next.Human() + "."
	}
	m.setNotice(text, false)
	m.prep = nil
	m.screen = screenHome
	if m.quitting {
		return tea.Quit
	}
	m.home.selectAfterLoad = msg.person.ID
	return loadPeople(m.ctx.Store)
}
