package main

import (
	"errors"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/data"
	"attend/tui"
)

// dbPath is --db, else ATTEND_DB, else the XDG default.
func (g *globals) dbPath() (string, error) {
	if g.db != "" {
		return g.db, nil
	}
	return data.DefaultPath()
}

// guide loads the prompts for --lang, else ATTEND_LANG, else English.
func (g *globals) guide() (*coach.Guide, error) {
	lang := g.lang
	if lang == "" {
		lang = os.Getenv("ATTEND_LANG")
	}
	gd, err := coach.LoadGuide(lang)
	if err != nil {
		return nil, usageError{err}
	}
	return gd, nil
}

func (g *globals) open(readOnly bool, guide *coach.Guide) (*data.Store, error) {
	path, err := g.dbPath()
	if err != nil {
		return nil, err
	}
	return data.Open(path, data.Options{ReadOnly: readOnly, Guide: guide})
}

// runTUI opens the store and runs the app until the manager quits.
func runTUI(cmd *cobra.Command, g *globals, prepName string) error {
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		return errors.New("attend needs a terminal to show its screens; for scripts, use 'attend export'")
	}
	guide, err := g.guide()
	if err != nil {
		return err
	}
	st, err := g.open(false, guide)
	if err != nil {
		return err
	}
	defer st.Close()
	if prepName != "" {
		if prepName, err = resolvePerson(st, prepName); err != nil {
			return err
		}
	}
	m := tui.New(tui.Options{Store: st, Guide: guide, Now: time.Now, PrepName: prepName, Dark: true})
	p := tea.NewProgram(m, tea.WithContext(cmd.Context()))
	_, err = p.Run()
	if errors.Is(err, tea.ErrProgramKilled) {
		return nil
	}
	return err
}

// resolvePerson turns a typed name into the full name of the person meant
// ("sian" finds "Siân Ŵyn"), or returns it cleaned up for a new person.
func resolvePerson(st *data.Store, typed string) (string, error) {
	people, err := st.People()
	if err != nil {
		return "", err
	}
	p, found, err := coach.ResolveName(people, typed)
	switch {
	case err != nil:
		return "", usageError{err}
	case found:
		return p.Name, nil
	}
	return coach.CleanName(typed)
}
