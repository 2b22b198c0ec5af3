// Package tui is attend's terminal interface. A root model keeps a stack of
// screens (screen.go); each screen is a file of its own, owns its keys and
// help, and does no I/O itself: every read and write of the store happens
// in a tea.Cmd (commands.go and beside each screen).
package tui

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
	"attend/coach/msg"
)

// Smallest window attend draws in; below it, it asks for more room.
const (
	minWidth  = 40
	minHeight = 12
)

// ShutdownMsg asks attend to leave, writing what is unsaved first. The
// command line sends it on SIGTERM, SIGINT and SIGHUP. Unlike ctrl+c, a
// signal is obeyed even when something cannot be written (the terminal may
// be gone, with no one to answer): attend then leaves anyway, and Lost says
// what was not kept, for the command line to print.
type ShutdownMsg struct{}

// shutdownGrace is how long a signalled shutdown waits for its last writes.
const shutdownGrace = 5 * time.Second

// shutdownTimeoutMsg ends a signalled shutdown whose writes never answered.
type shutdownTimeoutMsg struct{}

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
	// Lang is the interface language ("en", "cy"); empty: the guide's.
	Lang string
	// Writer names this window on the drafts it writes; empty: a new id.
	// The command makes it and marks it present (data.Store.Present), so
	// another window can tell when this one has gone.
	Writer string
	// Notice is said on the first screen, until the first key: the
	// command's word that it started a new file, and where.
	Notice string
}

// Model is the root of the app: the stack of screens and what cuts across
// them (quitting, notices, the privacy key, the idle lock, the window size).
type Model struct {
	ctx   *Context
	stack []Screen
	help  help.Model
	priv  privacy

	notice    string
	noticeBad bool

	foot    string // the last footer rendered, and its footerSig
	footSig string

	prepName  string
	quitting  bool   // waiting for a last write before quitting
	forceQuit bool   // that write failed; a second ctrl+c quits anyway
	signalled bool   // a signal asked to leave: leave even if a write fails
	lost      string // what a signalled shutdown could not keep
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
	if opt.Lang == "" && opt.Guide != nil {
		opt.Lang = opt.Guide.Lang
	}
	words := msg.New(opt.Lang)
	ctx := &Context{
		Width: 80, Height: 24,
		Styles: NewStyles(opt.Dark),
		Keys:   DefaultKeyMap(words),
		Msg:    words,
		Guide:  opt.Guide,
		Store:  opt.Store,
		Now:    opt.Now,

		AutosaveDelay: opt.AutosaveDelay,
		TypingDelay:   opt.TypingDelay,
		Writer:        opt.Writer,
	}
	if ctx.Writer == "" {
		ctx.Writer = coach.NewID(time.Now())
	}
	m := &Model{ctx: ctx, help: help.New(), prepName: opt.PrepName, notice: opt.Notice}
	m.stack = []Screen{newHome(ctx)}
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
	return tea.Batch(tea.RequestBackgroundColor, first, m.priv.start(), warmWidths)
}

// warmWidths measures a wide character once, on another core, while the
// people are read: the first measure of any character past U+02FF (the
// list's ▸, an ellipsis) builds go-runewidth's 1 MB table, about a
// millisecond the first frame would otherwise wait for.
func warmWidths() tea.Msg {
	ansi.StringWidthWc("▸…")
	return nil
}

// Update routes a message: sizes and themes to the root, keys and pastes to
// the screen on top, everything else (command results, ticks) to every
// screen. Then it carries out what the screens asked for.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.setStyles(NewStyles(msg.IsDark()))
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	case tea.PasteMsg:
		if !m.priv.covering() && !m.tooSmall() {
			cmd = m.top().Update(m.ctx, msg)
		}
	case ShutdownMsg:
		m.forceQuit = m.quitting // a second signal leaves at once
		m.signalled = true
		cmd = tea.Batch(m.quit(), tea.Tick(shutdownGrace, func(time.Time) tea.Msg { return shutdownTimeoutMsg{} }))
	case shutdownTimeoutMsg:
		m.lost = m.ctx.T("quit.timeout")
		return m, tea.Quit
	case idleCheckMsg:
		cmd = m.priv.checkIdle(m.ctx)
	case unlockMsg:
		m.priv.unlocked(msg)
	default:
		cmd = m.broadcast(msg)
	}
	return m, tea.Batch(cmd, m.settle())
}

func (m *Model) top() Screen { return m.stack[len(m.stack)-1] }

// broadcast gives a message to every screen, top first.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i := len(m.stack) - 1; i >= 0; i-- {
		cmds = append(cmds, m.stack[i].Update(m.ctx, msg))
	}
	return tea.Batch(cmds...)
}

// key handles the keys that work everywhere, then hands the rest on.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	g := m.ctx.Keys.Global
	if isQuit(msg, g) {
		return m.quit()
	}
	if used, cmd := m.priv.key(m.ctx, msg); used {
		return cmd
	}
	if isHelp(msg, g, m.top().Typing()) {
		m.help.ShowAll = !m.help.ShowAll
		return nil
	}
	if m.tooSmall() {
		return nil // typing blind into a window too small to show it helps no one
	}
	m.forceQuit = false
	m.notice = ""
	return m.top().Update(m.ctx, msg)
}

// settle carries out the moves and notices the screens asked for, lays the
// top screen out, and quits once nothing is left to write.
func (m *Model) settle() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.ctx.navs) > 0 {
		navs := m.ctx.navs
		m.ctx.navs = nil
		for _, n := range navs {
			cmds = append(cmds, m.apply(n))
		}
	}
	if m.ctx.noticeSet {
		m.notice, m.noticeBad = m.ctx.notice, m.ctx.noticeBad
		m.ctx.noticeSet = false
	}
	if m.quitting {
		cmds = append(cmds, m.quitWhenKept())
	}
	// Laid out last: quitting's warning above the keys takes lines from the
	// screen, and a screen laid out before it was cut at the bottom (half
	// of the review's "Could not save: …" under a failed ctrl+c).
	m.top().Resize(m.ctx, m.bodyHeight())
	return tea.Batch(cmds...)
}

func (m *Model) apply(n nav) tea.Cmd {
	popped := false
	if n.toRoot && len(m.stack) > 1 {
		m.stack, popped = m.stack[:1], true
	}
	for i := 0; i < n.pop && len(m.stack) > 1; i++ {
		m.stack, popped = m.stack[:len(m.stack)-1], true
	}
	m.help.ShowAll = false // the full help was for the screen just left
	if n.push != nil {
		m.stack = append(m.stack, n.push)
		return nil
	}
	if r, ok := m.top().(revealer); ok && popped {
		return r.Reveal(m.ctx)
	}
	return nil
}

func (m *Model) setStyles(s Styles) {
	m.ctx.Styles = s
	m.help.Styles = s.Help
	m.priv.pass.SetStyles(s.Input)
	m.foot = ""
	for _, sc := range m.stack {
		if r, ok := sc.(interface{ restyle(Styles) }); ok {
			r.restyle(s)
		}
	}
}

// quit leaves at once when nothing is unsaved; otherwise it writes first,
// and quits when every write has landed (see quitWhenKept).
func (m *Model) quit() tea.Cmd {
	if m.forceQuit {
		// Quitting anyway: the command line says what was not kept, once
		// the screen is gone (it said nothing, and exited as if all were
		// well).
		if m.lost == "" {
			_, m.lost = m.failedWrites()
		}
		return tea.Quit
	}
	m.quitting = true
	var cmds []tea.Cmd
	for _, s := range m.stack {
		if k, ok := s.(keeper); ok && k.Unsaved() {
			cmds = append(cmds, k.Keep(m.ctx))
		}
	}
	return tea.Batch(cmds...)
}

// quitWhenKept quits once no screen holds unsaved words. If a write failed,
// it stays and says so: a second ctrl+c quits anyway.
func (m *Model) quitWhenKept() tea.Cmd {
	if text, lost := m.failedWrites(); text != "" {
		m.quitting, m.forceQuit = false, true
		if m.signalled {
			m.lost = lost // no one may be there to answer: leave, and say so
			return tea.Quit
		}
		m.notice, m.noticeBad = text+" "+m.ctx.T("quit.again"), true
		return nil
	}
	for _, s := range m.stack {
		if k, ok := s.(keeper); ok && k.Unsaved() {
			m.notice, m.noticeBad = m.ctx.T("quit.saving"), false
			return nil
		}
	}
	return tea.Quit
}

// failedWrites says what a failed write left unsaved: on screen, while
// attend is still open (text), and after it has quit (lost); both "" if
// nothing.
func (m *Model) failedWrites() (text, lost string) {
	for _, s := range m.stack {
		k, ok := s.(keeper)
		if !ok {
			continue
		}
		if err := k.KeepErr(); err != nil && k.Unsaved() {
			if errors.Is(err, coach.ErrDraftElsewhere) || errors.Is(err, coach.ErrRecordChanged) {
				return m.ctx.T("quit.elsewhere"), m.ctx.T("quit.lost.elsewhere")
			}
			return errText(m.ctx, m.ctx.T("quit.notsaved"), err), errText(m.ctx, m.ctx.T("quit.lost"), err)
		}
	}
	return "", ""
}

func (m *Model) tooSmall() bool {
	return m.ctx.Width < minWidth || m.ctx.Height < minHeight
}

// View draws the whole screen.
func (m *Model) View() tea.View {
	var content string
	if m.tooSmall() {
		content = m.ctx.Styles.Warn.Width(max(10, m.ctx.Width)).Render(m.ctx.T("app.toosmall",
			"MinW", minWidth, "MinH", minHeight, "W", m.ctx.Width, "H", m.ctx.Height))
	} else {
		h := m.bodyHeight()
		var body string
		if m.priv.covering() {
			body = fitHeight("\n"+m.priv.view(m.ctx), h)
		} else {
			body = m.top().View(m.ctx, h)
		}
		content = m.ctx.Styles.App.Render(m.header() + "\n" + body + "\n" + m.footer())
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "attend"
	return v
}

func (m *Model) bodyHeight() int {
	return max(1, m.ctx.Height-1-lineCount(m.footer()))
}

// Lost is what a shutdown by signal could not keep, in words ("" if
// everything was written). The command line prints it on stderr.
func (m *Model) Lost() string { return m.lost }
