// Package tui is attend's terminal interface: a root model that routes
// between screens (home, prep, review), sharing one Context. Screens are
// plain structs with update and view methods; every read and write of the
// store happens in a tea.Cmd (commands.go).
package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

type screen int

const (
	screenHome screen = iota
	screenPrep
	screenReview
	screenHistory
	screenDetail
	screenPerson
	screenTeam
	screenActions  // every open action across people
	screenFollowUp // "last time you agreed", before a prep
	screenRecord   // completing a saved session after the meeting
)

// Smallest window attend draws in; below it, it asks for more room.
const (
	minWidth  = 40
	minHeight = 12
)

// ShutdownMsg asks attend to leave as ctrl+c does, writing the draft first.
// The command line sends it on SIGTERM.
type ShutdownMsg struct{}

// Options configure the app.
type Options struct {
	Store Store
	Guide *coach.Guide
	Now   func() time.Time // the clock; tests fix it
	// PrepName opens a prep for this person at once, adding them if new.
	PrepName string
	// IdleLock locks the screen after this long without a key press, when
	// the store is encrypted (0: never).
	IdleLock time.Duration
	// AutosaveDelay overrides how soon a change is written (tests use 1ms).
	AutosaveDelay time.Duration
	// TypingDelay overrides how long typing is gathered before it is inserted.
	TypingDelay time.Duration
	// Dark sets the starting palette before the terminal reports its
	// background (tests fix it so their output does not depend on a query).
	Dark bool
}

// Model is the root of the app.
type Model struct {
	ctx     *Context
	screen  screen
	home    homeModel
	prep    *prepModel
	review  reviewModel
	history historyModel
	detail  detailModel
	trend   personTrendModel
	team    teamModel
	record  recordForm   // the after-meeting form
	actions actionsModel // every open action
	follow  actionsModel // one person's, at the start of their prep
	// personBack and detailBack are where esc returns to from those views.
	personBack screen
	detailBack screen
	help       help.Model
	priv       privacy

	notice    string
	noticeBad bool

	foot    string // the last footer rendered, and its footerSig
	footSig string

	prepName  string
	quitting  bool // waiting for a last write before quitting
	forceQuit bool // that write failed; a second ctrl+c quits anyway
}

// New builds the app.
func New(opt Options) *Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.AutosaveDelay <= 0 {
		opt.AutosaveDelay = AutosaveDelay
	}
	if opt.TypingDelay <= 0 {
		opt.TypingDelay = TypingDelay
	}
	ctx := &Context{
		Width: 80, Height: 24,
		Styles: NewStyles(opt.Dark),
		Keys:   DefaultKeyMap(),
		Guide:  opt.Guide,
		Store:  opt.Store,
		Now:    opt.Now,

		AutosaveDelay: opt.AutosaveDelay,
		TypingDelay:   opt.TypingDelay,
		Writer:        coach.NewID(time.Now()),
	}
	m := &Model{ctx: ctx, home: newHome(ctx), review: newReview(), help: help.New(), prepName: opt.PrepName}
	m.help.Styles = ctx.Styles.Help
	m.priv = newPrivacy(ctx, opt.Store, opt.IdleLock)
	return m
}

// Init asks for the terminal's background and loads the first screen.
func (m *Model) Init() tea.Cmd {
	first := loadPeople(m.ctx.Store)
	if m.prepName != "" {
		first = tea.Batch(first, openPrepByName(m.ctx.Store, m.prepName))
	}
	return tea.Batch(tea.RequestBackgroundColor, first, m.priv.start())
}

// Update routes a message: window and theme changes to everyone, command
// results to their screen, keys to the global handler and then the screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.setStyles(NewStyles(msg.IsDark()))
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	case ShutdownMsg:
		m.forceQuit = m.quitting // a second signal leaves at once
		cmd = m.quit()
	case peopleMsg, personAddedMsg, prepReadyMsg, draftSavedMsg, sessionSavedMsg, historyMsg, detailMsg, personTrendMsg, teamMsg,
		actionsMsg, actionClosedMsg, searchMsg, recordSavedMsg, cadenceSetMsg:
		cmd = m.result(msg)
	case idleCheckMsg:
		cmd = m.priv.checkIdle(m.ctx)
	case unlockMsg:
		m.priv.unlocked(msg)
	default:
		cmd = m.toScreen(msg)
	}
	m.relayout()
	return m, cmd
}

func (m *Model) setStyles(s Styles) {
	m.ctx.Styles = s
	m.help.Styles = s.Help
	m.priv.pass.SetStyles(s.Input)
	m.home.applyStyles(s)
	if m.prep != nil {
		m.prep.applyStyles(s)
	}
}

// key handles the keys that work everywhere, then hands the rest on.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	if key.Matches(msg, k.Quit) {
		return m.quit()
	}
	if used, cmd := m.priv.key(m.ctx, msg); used {
		return cmd
	}
	if key.Matches(msg, k.HelpAlt) || (key.Matches(msg, k.Help) && !m.typing()) {
		m.help.ShowAll = !m.help.ShowAll
		return nil
	}
	if m.tooSmall() {
		return nil // typing blind into a window too small to show it helps no one
	}
	if m.forceQuit {
		m.forceQuit = false
	}
	m.notice = ""
	return m.toScreen(msg)
}

// typing reports whether keys go into a text field on the current screen.
func (m *Model) typing() bool {
	switch m.screen {
	case screenHome:
		return m.home.typing()
	case screenPrep:
		return m.prep.typing()
	case screenActions:
		return m.actions.typing()
	case screenHistory:
		return m.history.typingQuery
	case screenDetail:
		return m.detail.typing()
	case screenRecord:
		return true
	case screenFollowUp:
		return m.follow.typing()
	}
	return false
}

// quit leaves at once from home; from a prep, only after the draft is safe.
func (m *Model) quit() tea.Cmd {
	if m.forceQuit {
		return tea.Quit
	}
	if m.screen == screenRecord && (m.record.dirty || m.record.pending) {
		m.quitting = true
		return m.record.write(m.ctx, nil, "quit") // its result quits
	}
	if m.prep == nil {
		return tea.Quit
	}
	m.quitting = true
	flushed := m.prep.flushTyping(m.ctx) // nothing typed is left in the buffer
	_ = flushed                          // its autosave tick is moot: the draft is written below
	if m.review.saving {
		return nil // the save's result will quit
	}
	if !m.prep.dirty() && !m.prep.saving {
		return tea.Quit
	}
	m.setNotice("Saving your draft before quitting…", false)
	return m.prep.flush(m.ctx) // nil if a write is running; its result will quit
}

func (m *Model) setNotice(text string, bad bool) {
	m.notice, m.noticeBad = text, bad
}

// relayout sizes the live screen's parts after any change.
func (m *Model) relayout() {
	switch m.screen {
	case screenPrep:
		m.prep.layout(m.ctx, m.bodyHeight())
	case screenReview:
		m.review.vp.SetWidth(bodyWidth(m.ctx))
		m.review.vp.SetHeight(max(1, m.bodyHeight()-2-len(m.review.warnings)))
	case screenDetail:
		m.detail.resize(m.ctx, m.bodyHeight())
	}
}

func (m *Model) tooSmall() bool {
	return m.ctx.Width < minWidth || m.ctx.Height < minHeight
}

// footerSig is everything the footer shows: the notice, the window, the
// help mode and the keys of the moment. Typing changes none of it, so the
// help bar is not rendered again on every key; and being derived from the
// bindings themselves, it can never miss a screen's new mode.
func (m *Model) footerSig(keys bindings) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%t|%t|%t|%t|%s", m.ctx.Width, m.ctx.Height < compactHeight,
		m.help.ShowAll, m.noticeBad, m.priv.covering(), m.notice)
	for _, group := range append([][]key.Binding{keys.context, keys.short}, keys.full...) {
		b.WriteByte(0)
		for _, k := range group {
			b.WriteString(k.Help().Key + "\x1f" + k.Help().Desc + "\x1e")
		}
	}
	return b.String()
}

// footer is the notice line and the help bar, rendered again only when
// something it shows has changed.
func (m *Model) footer() string {
	keys := m.helpKeys()
	if sig := m.footerSig(keys); sig != m.footSig || m.foot == "" {
		m.footSig, m.foot = sig, m.renderFooter(keys)
	}
	return m.foot
}

func (m *Model) renderFooter(keys bindings) string {
	s := m.ctx.Styles
	w := bodyWidth(m.ctx)
	notice := ""
	if m.notice != "" && !m.priv.covering() { // a notice may name someone
		st := s.Notice
		if m.noticeBad {
			st = s.Error
		}
		notice = st.Width(w).Render(m.notice)
	}
	if notice == "" && m.ctx.Height < compactHeight {
		return m.helpBar(keys, w) // no room to spare for an empty line
	}
	return notice + "\n" + m.helpBar(keys, w)
}

// helpBar renders the keys on one line if they fit; otherwise the keys for
// what has focus go on a line of their own, and any line still too wide is
// wrapped between keys, so that no key is ever cut off, however narrow.
func (m *Model) helpBar(keys bindings, width int) string {
	if m.help.ShowAll {
		return m.help.View(keys)
	}
	if one := m.help.ShortHelpView(keys.ShortHelp()); lipgloss.Width(one) <= width {
		return one
	}
	var lines []string
	for _, group := range [][]key.Binding{keys.context, keys.short} {
		var row []key.Binding
		for _, b := range group {
			if len(row) > 0 && lipgloss.Width(m.help.ShortHelpView(append(row, b))) > width {
				lines = append(lines, m.help.ShortHelpView(row))
				row = nil
			}
			row = append(row, b)
		}
		if len(row) > 0 {
			lines = append(lines, m.help.ShortHelpView(row))
		}
	}
	return strings.Join(lines, "\n")
}

func (m *Model) bodyHeight() int {
	return max(1, m.ctx.Height-1-lipgloss.Height(m.footer()))
}

// header is the top line: where you are on the left, the state on the right.
func (m *Model) header() string {
	s := m.ctx.Styles
	left := s.Brand.Render("attend")
	var right string
	if m.priv.covering() {
		return left // no names while the screen is covered
	}
	switch m.screen {
	case screenHome:
		left += s.Header.Render(" · compassionate one-to-ones")
		right = s.Faint.Render(m.ctx.Today().Human())
	case screenFollowUp:
		left += s.Header.Render(" · prep for ") + s.Person.Render(m.prep.person.Name)
	case screenActions:
		left += s.Header.Render(" · open actions")
		right = s.Faint.Render(m.ctx.Today().Human())
	case screenPrep, screenReview:
		right = m.saveState()
		room := bodyWidth(m.ctx) - lipgloss.Width(left) - lipgloss.Width(" · prep for ") - lipgloss.Width(right) - 2
		left += s.Header.Render(" · prep for ") + s.Person.Render(ansi.Truncate(m.prep.person.Name, max(room, 4), "…"))
	case screenHistory:
		left += s.Header.Render(" · history")
		right = s.Faint.Render(m.ctx.Today().Human())
	case screenPerson:
		left += s.Header.Render(" · trends")
		right = s.Faint.Render(m.ctx.Today().Human())
	case screenTeam:
		left += s.Header.Render(" · team")
		right = s.Faint.Render(m.ctx.Today().Human())
	case screenDetail, screenRecord:
		if m.detail.loaded {
			left += s.Header.Render(" · ") + s.Person.Render(m.detail.person.Name)
			right = s.Faint.Render(m.detail.session.Date.Human())
		}
	}
	return spread(left, right, bodyWidth(m.ctx))
}

// saveState says whether the draft is on disk, in words.
func (m *Model) saveState() string {
	s := m.ctx.Styles
	p := m.prep
	switch {
	case p.elsewhere:
		return s.Error.Render("! open in another window: not saved here")
	case p.saveErr != nil:
		return s.Error.Render("! draft not saved")
	case p.saving:
		return s.Faint.Render("saving…")
	case p.dirty() && p.savedAt.IsZero():
		return s.Faint.Render("not saved yet")
	case p.savedAt.IsZero():
		return s.Faint.Render("nothing written yet")
	}
	return s.Faint.Render("✓ draft saved " + p.savedAt.Local().Format("15:04:05"))
}

// View draws the whole screen.
func (m *Model) View() tea.View {
	var content string
	if m.tooSmall() {
		content = m.ctx.Styles.Warn.Render(fmt.Sprintf(
			"attend needs a window of at least %d×%d; this one is %d×%d. Make it a little bigger: nothing is lost.",
			minWidth, minHeight, m.ctx.Width, m.ctx.Height))
		content = lipgloss.NewStyle().Width(max(10, m.ctx.Width)).Render(content)
	} else {
		h := m.bodyHeight()
		var body string
		switch {
		case m.priv.covering():
			body = fitHeight("\n"+m.priv.view(m.ctx), h)
		default:
			body = m.screenView(h)
		}
		content = m.ctx.Styles.App.Render(strings.Join([]string{m.header(), body, m.footer()}, "\n"))
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "attend"
	return v
}

// screenView draws the current screen's body in h lines.
func (m *Model) screenView(h int) string {
	switch m.screen {
	case screenPrep:
		return m.prep.view(m.ctx, h)
	case screenReview:
		return m.review.view(m.ctx, m.prep.person, m.prep.session, h)
	case screenHistory:
		return m.history.view(m.ctx, h)
	case screenDetail:
		return m.detail.view(m.ctx, h)
	case screenPerson:
		return m.trend.view(m.ctx, h)
	case screenTeam:
		return m.team.view(m.ctx, h)
	case screenActions:
		return m.actions.view(m.ctx, h, "Open actions, most urgent first")
	case screenFollowUp:
		return m.follow.view(m.ctx, h, "Last time you agreed…")
	case screenRecord:
		return m.record.view(m.ctx, m.detail.person, h)
	}
	return m.home.view(m.ctx, h)
}

// errText puts an error in plain words. The store's errors already say what
// to do next, so they are passed on whole.
func errText(what string, err error) string {
	text := what + ": " + err.Error()
	if !strings.HasSuffix(text, ".") {
		text += "."
	}
	return text
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
