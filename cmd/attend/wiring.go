package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	xterm "golang.org/x/term"

	"attend/coach"
	"attend/coach/msg"
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

// guide loads the prompts for --lang, else ATTEND_LANG, else a Welsh
// locale (LANG=cy_GB.UTF-8), else English.
func (g *globals) guide() (*coach.Guide, error) {
	lang := msg.Detect(g.lang, os.Getenv("ATTEND_LANG"), os.Getenv("LC_ALL"), os.Getenv("LANG"))
	gd, err := coach.LoadGuide(lang)
	if err != nil {
		return nil, usageError{err}
	}
	return gd, nil
}

// open opens the database. An encrypted one is opened with the passphrase
// from --passphrase-file (or ATTEND_PASSPHRASE_FILE); failing that it is
// asked for on the terminal, before any screen starts, up to three times.
// openWithGuide loads the prompts for --lang and opens the store with them,
// as most commands do.
func (g *globals) openWithGuide(readOnly bool) (*data.Store, *coach.Guide, error) {
	guide, err := g.guide()
	if err != nil {
		return nil, nil, err
	}
	st, err := g.open(readOnly, guide)
	return st, guide, err
}

func (g *globals) open(readOnly bool, guide *coach.Guide) (*data.Store, error) {
	path, err := g.dbPath()
	if err != nil {
		return nil, err
	}
	opt := data.Options{ReadOnly: readOnly, Guide: guide}
	pass, given, err := g.passphraseFromFile()
	if err != nil {
		return nil, err
	}
	if given {
		defer clear(pass)
		opt.Passphrase = pass
		return data.Open(path, opt)
	}
	st, err := data.Open(path, opt)
	if !errors.Is(err, data.ErrNeedPassphrase) {
		return st, err
	}
	return openAsking(g.words(), path, opt)
}

// passphraseTries is how many wrong passphrases attend takes before it stops.
const passphraseTries = 3

// openAsking asks for the passphrase on the terminal until it opens the
// file, at most passphraseTries times.
func openAsking(l *msg.Lang, path string, opt data.Options) (*data.Store, error) {
	if !terminal.isTerminal() {
		return nil, errors.New(l.T("cli.pass.noterminal", "Path", path))
	}
	for try := 1; try <= passphraseTries; try++ {
		pass, err := terminal.readPassword(l.T("cli.pass.ask", "Path", path))
		if err != nil {
			return nil, wrapErr(l, "cli.pass.cantread", err)
		}
		if len(pass) == 0 {
			terminal.say(l.T("cli.pass.none"))
			continue
		}
		opt.Passphrase = pass
		st, err := data.Open(path, opt)
		clear(pass)
		if errors.Is(err, data.ErrWrongPassphrase) {
			if try < passphraseTries {
				terminal.say(l.T("cli.pass.wrong"))
			}
			continue
		}
		return st, err
	}
	return nil, errors.New(l.T("cli.pass.stopped", "Count", passphraseTries, "N", passphraseTries, "Path", path))
}

// terminal is how attend talks to the person at the keyboard about
// passphrases: on the controlling terminal, with nothing echoed. Tests
// replace it.
var terminal = struct {
	isTerminal   func() bool
	readPassword func(prompt string) ([]byte, error)
	say          func(line string)
}{
	isTerminal: func() bool { return xterm.IsTerminal(int(os.Stdin.Fd())) },
	readPassword: func(prompt string) ([]byte, error) {
		fmt.Fprint(os.Stderr, prompt)
		p, err := xterm.ReadPassword(int(os.Stdin.Fd()))
		fmt.Fprintln(os.Stderr)
		return p, err
	},
	say: func(line string) { fmt.Fprintln(os.Stderr, line) },
}

// passphraseFromFile reads --passphrase-file, else ATTEND_PASSPHRASE_FILE;
// given is false when neither is set.
func (g *globals) passphraseFromFile() (pass []byte, given bool, err error) {
	file := privacyOf(g).passFile
	if file == "" {
		file = os.Getenv("ATTEND_PASSPHRASE_FILE")
	}
	if file == "" {
		return nil, false, nil
	}
	pass, err = readPassphraseFileIn(g.words(), file)
	return pass, true, err
}

// maxPassphraseFile bounds what is read from a passphrase file.
const maxPassphraseFile = 64 << 10

// readPassphraseFile returns the first line of file, without its line
// ending. The file must be readable by its owner only.
func readPassphraseFile(file string) ([]byte, error) { return readPassphraseFileIn(english, file) }

// readPassphraseFileIn is readPassphraseFile, saying what is wrong in a
// language.
func readPassphraseFileIn(l *msg.Lang, file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, wrapErr(l, "cli.passfile.cantread", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, wrapErr(l, "cli.passfile.cantread", err)
	}
	if fi.IsDir() {
		return nil, errors.New(l.T("cli.passfile.folder", "File", file))
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return nil, errors.New(l.T("cli.passfile.open", "File", file, "Who", whoElse(l, perm), "Mode", perm.String()))
	}
	raw, err := io.ReadAll(io.LimitReader(f, maxPassphraseFile))
	if err != nil {
		return nil, wrapErr(l, "cli.passfile.cantread", err)
	}
	line, _, _ := bytes.Cut(raw, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	out := bytes.Clone(line)
	clear(raw)
	if len(out) == 0 {
		return nil, errors.New(l.T("cli.passfile.empty", "File", file))
	}
	return out, nil
}

// runTUI opens the store and runs the app until the manager quits.
func runTUI(cmd *cobra.Command, g *globals, prepName string, isNew bool) error {
	if !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		return errors.New(wordsOf(cmd).T("cli.tui.noterminal"))
	}
	st, guide, err := g.openWithGuide(false)
	if err != nil {
		return err
	}
	defer st.Close()
	if prepName != "" {
		if prepName, err = resolvePersonIn(wordsOf(cmd), st, prepName, isNew); err != nil {
			return err
		}
	}
	m := tui.New(tui.Options{Store: tuiStore{st}, Guide: guide, Now: time.Now, PrepName: prepName, Dark: darkGuess(os.Getenv("COLORFGBG")), IdleLock: g.lockAfter})
	// attend handles signals itself: Bubble Tea's own handler quits at once
	// on SIGTERM, losing what was typed since the last autosave. A polite
	// kill, an interrupt or a closed terminal takes the same path as ctrl+c
	// (the draft is written first); a second signal leaves at once.
	p := tea.NewProgram(m, tea.WithContext(cmd.Context()), tea.WithoutSignalHandler())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		for range sigs {
			p.Send(tui.ShutdownMsg{})
		}
	}()
	_, err = p.Run()
	if lost := m.Lost(); lost != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "attend: "+lost)
	}
	if errors.Is(err, tea.ErrProgramKilled) {
		return nil
	}
	return err
}

// findPerson finds the one person a typed name means ("sian" finds Siân
// Ŵyn), among people already read: the whole name, or the only name that
// starts with it. An ambiguous name names the candidates, and no match
// offers the near ones; both are usage errors (exit 2). writes says
// whether the command would have changed anything, for the message.
func findPerson(l *msg.Lang, people []coach.Person, typed string, writes bool) (coach.Person, error) {
	p, found, err := coach.ResolveName(people, typed)
	switch {
	case err != nil:
		return coach.Person{}, usageError{err}
	case !found:
		return coach.Person{}, noOneCalled(l, people, typed, writes, "")
	}
	return p, nil
}

// findExactPerson is findPerson for commands that destroy (erase): only a
// whole name matches, ignoring case, accents and spacing. It never takes a
// prefix or a near spelling, and --yes cannot make it.
func findExactPerson(l *msg.Lang, people []coach.Person, typed, command string) (coach.Person, error) {
	p, found, err := coach.ExactName(people, typed)
	switch {
	case err != nil:
		return coach.Person{}, usageError{err}
	case !found:
		return coach.Person{}, noOneCalled(l, people, typed, true, command)
	}
	return p, nil
}

// noOneCalled says that no one has the typed name, offering the people it
// may have meant. exact names the command that wanted the whole name
// ("erase"), or is "".
func noOneCalled(l *msg.Lang, people []coach.Person, typed string, writes bool, exact string) error {
	clean, err := coach.CleanName(typed)
	if err != nil {
		return usageError{err}
	}
	var b strings.Builder
	if exact != "" {
		b.WriteString(l.T("cli.person.noexact", "Name", fmt.Sprintf("%q", clean), "Command", exact))
	} else {
		b.WriteString(l.T("cli.person.none", "Name", fmt.Sprintf("%q", clean)))
	}
	if writes {
		b.WriteString(l.T("cli.person.unchanged"))
	}
	if near := coach.CloseNames(people, clean); len(near) > 0 {
		b.WriteString(l.T("cli.person.meant", "Names", nameList(l, near)))
		if exact != "" {
			b.WriteString(l.T("cli.person.whole", "Command", exact, "Name", shellArg(near[0].Name)))
		}
	} else {
		b.WriteString(l.T("cli.person.see"))
	}
	return usageError{errors.New(b.String())}
}

// personNamed reads everyone and finds the one person a typed name means.
func personNamed(l *msg.Lang, st *data.Store, typed string, writes bool) (coach.Person, error) {
	people, err := st.People()
	if err != nil {
		return coach.Person{}, err
	}
	return findPerson(l, people, typed, writes)
}

// resolvePerson turns a typed name into the full name of the person meant
// ("sian" finds "Siân Ŵyn"), or the cleaned name of someone new. A name
// that matches no one but is close to someone ("sain" for Siân Ŵyn) is
// refused, saying how to go on either way, so a typo never adds a person;
// isNew (prep --new) adds them as typed.
func resolvePerson(st *data.Store, typed string, isNew bool) (string, error) {
	return resolvePersonIn(english, st, typed, isNew)
}

// resolvePersonIn is resolvePerson, saying why it refuses in a language.
func resolvePersonIn(l *msg.Lang, st *data.Store, typed string, isNew bool) (string, error) {
	clean, err := coach.CleanName(typed)
	if err != nil {
		return "", usageError{err}
	}
	if isNew {
		return clean, nil
	}
	people, err := st.People()
	if err != nil {
		return "", err
	}
	p, found, err := coach.ResolveName(people, clean)
	switch {
	case err != nil:
		return "", usageError{err}
	case found:
		return p.Name, nil
	}
	if near := coach.CloseNames(people, clean); len(near) > 0 {
		return "", usageError{errors.New(l.T("cli.person.close", "Name", fmt.Sprintf("%q", clean), "Names", nameList(l, near),
			"First", shellArg(near[0].Name), "Typed", shellArg(clean)))}
	}
	return clean, nil
}

// shellArg is s as one argument to copy onto a command line: as it is if
// it is all letters, digits and harmless marks, else quoted.
func shellArg(s string) string {
	plain := s != ""
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && !strings.ContainsRune("-_.,@+/:", r) {
			plain = false
			break
		}
	}
	if plain && !strings.HasPrefix(s, "-") {
		return s
	}
	return shellQuote(s)
}

// tuiStore is the store as the screens see it: removing a person there is
// the same erase as attend erase, rewriting the file so nothing remains.
type tuiStore struct{ *data.Store }

func (s tuiStore) ErasePerson(id string) error {
	_, err := s.Erase(id)
	return err
}

// whoElse says what other people can do with a file of mode perm: read it
// (and learn the passphrase), or change it (and choose it).
func whoElse(l *msg.Lang, perm os.FileMode) string {
	read, write := perm&0o044 != 0, perm&0o022 != 0
	switch {
	case read && write:
		return l.T("cli.who.readwrite")
	case read:
		return l.T("cli.who.read")
	case write:
		return l.T("cli.who.write")
	}
	return l.T("cli.who.other")
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
