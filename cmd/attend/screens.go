package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/data"
	"attend/tui"
)

// runTUI opens the store and runs the app until the manager quits.
func runTUI(cmd *cobra.Command, o *options, prepName string, isNew bool) error {
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		return errors.New(o.words().T("cli.tui.noterminal"))
	}
	// The prompts are parsed on another core while the file is opened:
	// the home screen does not need them, the screens after it do.
	lang := o.langCode()
	type parsed struct {
		g   *coach.Guide
		err error
	}
	guideC := make(chan parsed, 1)
	go func() {
		g, err := o.guideFor(lang)
		guideC <- parsed{g, err}
	}()
	if err := coach.HasGuide(lang); err != nil {
		return usageError{err}
	}
	st, started, err := o.openTUI()
	if err != nil {
		return err
	}
	defer st.Close()
	gp := <-guideC
	if gp.err != nil {
		return gp.err
	}
	guide := gp.g
	if prepName != "" {
		if prepName, err = resolvePersonIn(o.words(), st, prepName, isNew); err != nil {
			return err
		}
	}
	// This window's mark, so that if it crashes or its terminal closes, the
	// next window knows its drafts are free to carry on (data/windows.go).
	// Without one (a read-only folder), a draft waits half an hour as before.
	writer := coach.NewID(time.Now())
	if release, err := st.Present(writer); err == nil {
		defer release()
	}
	m := tui.New(tui.Options{Store: tuiStore{st}, Guide: guide, Now: time.Now, PrepName: prepName, Dark: o.load().dark, IdleLock: o.lockAfter, Writer: writer, Notice: started})
	// attend handles signals itself: Bubble Tea's own handler quits at once
	// on SIGTERM, losing what was typed since the last autosave. A polite
	// kill, an interrupt or a closed terminal takes the same path as ctrl+c
	// (the draft is written first); a second signal leaves at once.
	//
	// The colour profile is the one lipgloss worked out for stdout as the
	// process started: Bubble Tea would work it out again, and inside tmux
	// each time runs `tmux info` (15-20 ms before the first frame).
	p := tea.NewProgram(m, tea.WithContext(cmd.Context()), tea.WithoutSignalHandler(),
		tea.WithColorProfile(lipgloss.Writer.Profile))
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		for range sigs {
			p.Send(tui.ShutdownMsg{})
		}
	}()
	_, err = p.Run()
	if errors.Is(err, tea.ErrProgramKilled) {
		err = nil
	}
	if lost := m.Lost(); lost != "" {
		// Words typed were not saved (a file that cannot be written, and
		// the manager quit anyway): said on stderr, and exit status 1, so
		// that a shell or a script sees it too (it was 0, found in a trial).
		if err == nil {
			return errors.New(lost)
		}
		fmt.Fprintln(cmd.ErrOrStderr(), "attend: "+lost)
	}
	return err
}

// tuiStore is the store as the screens see it: removing a person there is
// the same erase as attend erase, rewriting the file so nothing remains.
type tuiStore struct{ *data.Store }

func (s tuiStore) ErasePerson(id string) error {
	_, err := s.Erase(id)
	return err
}

// darkGuess is the palette to start with, before the terminal answers the
// question about its background (most do, within a frame). COLORFGBG, set
// by some terminals as "foreground;background", tells a light background
// (7 or 15) from a dark one; without it, dark is the likelier guess.
func darkGuess(colorfgbg string) bool {
	parts := strings.Split(colorfgbg, ";")
	switch bg := parts[len(parts)-1]; bg {
	case "7", "15":
		return false
	}
	return true
}
