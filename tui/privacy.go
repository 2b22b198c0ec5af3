package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// Locker is what an encrypted store offers the idle lock. The store keeps
// its key while locked, so autosave goes on behind the lock screen.
type Locker interface {
	Encrypted() bool
	VerifyPassphrase(p []byte) bool
}

// privacy covers two ways of keeping notes off the screen:
//   - hidden: ctrl+l hides every name and note at once (someone walks past),
//     in any mode, until ctrl+l again;
//   - locked: with encryption on, after IdleLock without a key press the
//     screen locks and asks for the passphrase again.
type privacy struct {
	hidden bool

	locker    Locker
	idle      time.Duration
	lastInput time.Time
	locked    bool
	pass      textinput.Model
	checking  bool
	failed    bool
}

// idleCheckMsg asks whether the idle time has run out.
type idleCheckMsg struct{}

// unlockMsg carries the result of checking a passphrase.
type unlockMsg struct{ ok bool }

func newPrivacy(ctx *Context, st Store, idle time.Duration) privacy {
	p := privacy{idle: idle, lastInput: ctx.Now()}
	if l, ok := st.(Locker); ok && idle > 0 && l.Encrypted() {
		p.locker = l
	}
	p.pass = newTextInput(ctx.Keys)
	p.pass.Prompt = ctx.T("lock.prompt")
	p.pass.EchoMode = textinput.EchoPassword
	p.pass.EchoCharacter = '•'
	p.pass.SetStyles(ctx.Styles.Input)
	return p
}

// idleEvery is how often the idle lock looks at the clock: one timer at a
// time, rather than one per key press.
func (p *privacy) idleEvery() time.Duration {
	return min(max(p.idle/4, time.Second), 15*time.Second)
}

func (p *privacy) start() tea.Cmd {
	if p.locker == nil {
		return nil
	}
	return tea.Tick(p.idleEvery(), func(time.Time) tea.Msg { return idleCheckMsg{} })
}

// checkIdle locks the screen if no key came for the idle time.
func (p *privacy) checkIdle(ctx *Context) tea.Cmd {
	if p.locker == nil {
		return nil
	}
	if !p.locked && ctx.Now().Sub(p.lastInput) >= p.idle {
		p.locked = true
		p.failed = false
		p.pass.Reset()
		p.pass.Focus()
	}
	return p.start()
}

// covering reports whether notes are off the screen now.
func (p *privacy) covering() bool { return p.hidden || p.locked }

// key handles a key while the screen is covered. It reports whether the
// key was used up here (nothing else should see it).
func (p *privacy) key(ctx *Context, msg tea.KeyPressMsg) (bool, tea.Cmd) {
	p.lastInput = ctx.Now()
	if p.locked {
		if p.checking {
			return true, nil
		}
		if key.Matches(msg, ctx.Keys.Global.Unlock) {
			if p.pass.Value() == "" {
				return true, nil
			}
			p.checking = true
			guess := []byte(p.pass.Value())
			p.pass.Reset()
			l := p.locker
			return true, func() tea.Msg { return unlockMsg{ok: l.VerifyPassphrase(guess)} }
		}
		var cmd tea.Cmd
		p.pass, cmd = p.pass.Update(msg)
		return true, cmd
	}
	if key.Matches(msg, ctx.Keys.Global.Hide) {
		p.hidden = !p.hidden
		return true, nil
	}
	return p.hidden, nil // while hidden, keys do nothing: no typing blind into notes
}

func (p *privacy) unlocked(msg unlockMsg) {
	p.checking = false
	if msg.ok {
		p.locked = false
		p.failed = false
		p.pass.Blur()
		return
	}
	p.failed = true
}

// view is what the screen shows while covered: no names, no notes.
func (p *privacy) view(ctx *Context) string {
	s := ctx.Styles
	if p.locked {
		msg := s.Focused.Render(ctx.T("lock.locked", "After", p.idle.String())) + "\n" +
			s.Subtle.Render(ctx.T("lock.how")) + "\n\n" + p.pass.View()
		if p.checking {
			msg += "\n\n" + s.Subtle.Render(ctx.T("lock.checking"))
		} else if p.failed {
			msg += "\n\n" + s.Error.Render(ctx.T("lock.wrong"))
		}
		return msg
	}
	return s.Focused.Render(ctx.T("hide.hidden")) + "\n" + s.Subtle.Render(ctx.T("hide.how"))
}
