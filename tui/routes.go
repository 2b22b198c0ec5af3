package tui

// Routing: which screen a key or message goes to, and moving between them.

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// toScreen passes a message to the current screen and acts on its answer.
func (m *Model) toScreen(msg tea.Msg) tea.Cmd {
	switch m.screen {
	case screenHome:
		res, cmd := m.home.update(m.ctx, msg)
		switch {
		case res.quit:
			return tea.Quit
		case res.prep != nil:
			return tea.Batch(cmd, openPrep(m.ctx.Store, *res.prep))
		case res.history:
			return m.openHistory("", "")
		case res.trend != nil:
			return m.openPerson(*res.trend, screenHome)
		case res.team:
			m.screen = screenTeam
			m.team = teamModel{}
			return loadTeam(m.ctx.Store)
		case res.actions:
			m.screen = screenActions
			m.actions = newActions(m.ctx, "", "")
			return loadActions(m.ctx.Store, "")
		}
		return cmd
	case screenActions:
		res, cmd := m.actions.update(m.ctx, msg)
		switch {
		case res.back:
			m.screen = screenHome
			return loadPeople(m.ctx.Store)
		case res.open != nil:
			return m.openDetail(res.open.SessionID, res.open.PersonID, screenActions)
		}
		return cmd
	case screenFollowUp:
		if km, ok := msg.(tea.KeyPressMsg); ok && !m.follow.typing() {
			switch {
			case key.Matches(km, m.ctx.Keys.Next):
				m.screen = screenPrep // on to the prep; what is still open is carried
				return nil
			case key.Matches(km, m.ctx.Keys.Back):
				return m.leavePrep()
			}
		}
		res, cmd := m.follow.update(m.ctx, msg)
		if res.open != nil {
			return m.openDetail(res.open.SessionID, res.open.PersonID, screenFollowUp)
		}
		return cmd
	case screenPerson:
		if km, ok := msg.(tea.KeyPressMsg); ok {
			switch {
			case key.Matches(km, m.ctx.Keys.Back):
				m.screen = m.personBack
			case key.Matches(km, m.ctx.Keys.Open):
				return m.openHistory(m.trend.person.ID, m.trend.person.Name)
			}
		}
	case screenTeam:
		back, open := m.team.update(m.ctx, msg)
		switch {
		case back:
			m.screen = screenHome
		case open != nil:
			return m.openPerson(*open, screenTeam)
		}
	case screenHistory:
		res, cmd := m.history.update(m.ctx, msg)
		switch {
		case res.back:
			m.screen = screenHome
		case res.open != nil:
			return m.openDetail(res.open.ID, res.open.PersonID, screenHistory)
		case res.filter != nil:
			return m.openHistory(res.filter.PersonID, res.filter.PersonName)
		}
		return cmd
	case screenDetail:
		res, cmd := m.detail.update(m.ctx, msg)
		switch res {
		case detailBack:
			m.screen = m.detailBack
		case detailRecord:
			m.screen = screenRecord
			m.record = newRecordForm(m.ctx, m.detail.session, m.bodyHeight())
			return m.record.discussed.Focus()
		case detailAgree:
			return agreeSession(m.ctx.Store, m.detail.session.ID, m.ctx.Today())
		case detailAddendum:
			text := m.detail.addendum.Value()
			m.detail.addendum.Reset()
			return addAddendum(m.ctx.Store, m.detail.session.ID, text)
		}
		return cmd
	case screenRecord:
		res, cmd := m.record.update(m.ctx, msg)
		if res == recordDone {
			m.screen = screenDetail
		}
		return cmd
	case screenPrep:
		res, cmd := m.prep.update(m.ctx, msg)
		switch res {
		case prepReview:
			m.screen = screenReview
			m.review = newReview()
			m.review.setRecord(m.ctx, m.prep.person, m.prep.session, m.prep.warnings(), m.bodyHeight())
			return tea.Batch(cmd, m.prep.changed(m.ctx))
		case prepLeave:
			return tea.Batch(cmd, m.leavePrep())
		}
		return cmd
	case screenReview:
		switch m.review.update(m.ctx, msg, m.prep.session.Empty()) {
		case reviewBack:
			m.screen = screenPrep
		case reviewSave:
			m.review.saving = true
			m.review.err = nil
			return saveSession(m.ctx.Store, m.prep.person, m.prep.finished())
		}
		// Autosave ticks keep flowing to the prep while the review is shown.
		if _, ok := msg.(tea.KeyPressMsg); !ok {
			_, cmd := m.prep.update(m.ctx, msg)
			return cmd
		}
	}
	return nil
}

// openDetail reads one saved session and shows it; esc returns to back.
func (m *Model) openDetail(sessionID, personID string, back screen) tea.Cmd {
	m.screen = screenDetail
	m.detailBack = back
	m.detail = newDetail()
	return loadDetail(m.ctx.Store, sessionID, personID)
}

// openPerson shows one person's trends.
func (m *Model) openPerson(p coach.Person, back screen) tea.Cmd {
	m.screen = screenPerson
	m.personBack = back
	m.trend = personTrendModel{person: p}
	return loadPersonTrend(m.ctx.Store, p)
}

// openHistory lists saved sessions for everyone, or one person.
func (m *Model) openHistory(personID, name string) tea.Cmd {
	m.screen = screenHistory
	m.history = newHistory(m.ctx, personID, name)
	return loadHistory(m.ctx.Store, personID, "")
}

// leavePrep goes home, writing the draft first so the home list shows it.
func (m *Model) leavePrep() tea.Cmd {
	p := m.prep
	m.screen = screenHome
	m.home.selectAfterLoad = p.person.ID
	if p.session.Empty() {
		m.setNotice("Nothing written for "+p.person.Name+" yet.", false)
	} else {
		m.setNotice("Draft kept for "+p.person.Name+". Choose them again to carry on where you left off.", false)
	}
	var flush tea.Cmd
	if p.dirty() {
		flush = p.flush(m.ctx)
	}
	return tea.Sequence(flush, loadPeople(m.ctx.Store))
}
