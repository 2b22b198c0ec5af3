package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/charmbracelet/x/term"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

// guide loads the prompts for --lang, else ATTEND_LANG, else a Welsh
// locale (LANG=cy_GB.UTF-8), else English.
func (o *options) guide() (*coach.Guide, error) { return o.guideFor(o.langCode()) }

// guideFor is guide for a language already worked out: safe on another
// goroutine, as it reads no options.
func (o *options) guideFor(lang string) (*coach.Guide, error) {
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
func (o *options) openWithGuide(readOnly bool) (*data.Store, *coach.Guide, error) {
	guide, err := o.guide()
	if err != nil {
		return nil, nil, err
	}
	st, err := o.open(readOnly, guide)
	return st, guide, err
}

// openLazy is openWithGuide for a command that only reads what is saved
// (attend log): the same refusal of a language attend does not speak, and
// the same prompts for a session in a language with none, but they are
// parsed only if such a session is met (parsing them was an eighth of a
// short log's time).
func (o *options) openLazy(readOnly bool) (*data.Store, error) {
	if err := coach.HasGuide(o.langCode()); err != nil {
		return nil, usageError{err}
	}
	return o.open(readOnly, nil)
}

func (o *options) open(readOnly bool, guide *coach.Guide) (*data.Store, error) {
	path, err := o.dbPath()
	if err != nil {
		return nil, err
	}
	if !readOnly {
		if err := o.refuseMissingFolder(path); err != nil {
			return nil, err
		}
	}
	opt := data.Options{ReadOnly: readOnly, Guide: guide}
	if guide == nil {
		opt.GuideLang = o.langCode()
	}
	if o.stderr != nil {
		opt.Upgrading = func(backup string) {
			fmt.Fprintln(o.stderr, coach.SafeText(o.words().T("cli.upgrading", "Path", path, "Backup", backup))) // a path may hold anything
		}
	}
	pass, given, err := o.passphraseFromFile()
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
	return openAsking(o.words(), path, opt)
}

// refuseMissingFolder refuses a database named by --db or ATTEND_DB whose
// folder is not there: most likely a path mistyped, and making the folders
// and starting an empty file there would look, to a manager, as if their
// records had gone. (A named file that is not there, in a folder that is,
// is started: scripts begin that way, and the screens say so.) attend's
// own place in the XDG data home is made as before.
func (o *options) refuseMissingFolder(path string) error {
	if !o.dbNamed() {
		return nil
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return errors.New(o.words().T("cli.db.nofolder", "Path", path, "Dir", dir))
	}
	return nil
}

// openTUI is open for the screens, and what they say first: when there was
// no file at the path, that a new one was started there, and where, so
// that a manager who gave the wrong path sees so at once.
func (o *options) openTUI() (st *data.Store, started string, err error) {
	path, err := o.dbPath()
	if err != nil {
		return nil, "", err
	}
	_, before := os.Lstat(path)
	if st, err = o.open(false, nil); err != nil {
		return nil, "", err
	}
	if errors.Is(before, fs.ErrNotExist) {
		key := "cli.tui.started"
		if o.dbNamed() {
			key = "cli.tui.started.named"
		}
		started = coach.SafeText(o.words().T(key, "Path", st.Path())) // a path may hold anything
	}
	return st, started, nil
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
	isTerminal: func() bool { return term.IsTerminal(os.Stdin.Fd()) },
	readPassword: func(prompt string) ([]byte, error) {
		fmt.Fprint(os.Stderr, prompt)
		p, err := term.ReadPassword(os.Stdin.Fd())
		fmt.Fprintln(os.Stderr)
		return p, err
	},
	say: func(line string) { fmt.Fprintln(os.Stderr, line) },
}

// passphraseFromFile reads --passphrase-file, else ATTEND_PASSPHRASE_FILE;
// given is false when neither is set.
func (o *options) passphraseFromFile() (pass []byte, given bool, err error) {
	file := o.passphraseFile()
	if file == "" {
		return nil, false, nil
	}
	pass, err = readPassphraseFileIn(o.words(), file)
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
