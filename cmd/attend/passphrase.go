package main

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"attend/coach/msg"
	"attend/data"
)

// minPassphrase is the fewest characters attend accepts for a new passphrase.
const minPassphrase = 8

// newPassphrase gets a passphrase to set: from file if one is given (for
// scripts), otherwise typed twice on the terminal.
func newPassphrase(l *msg.Lang, file string) ([]byte, error) {
	var pass []byte
	if file != "" {
		p, err := readPassphraseFileIn(l, file)
		if err != nil {
			return nil, err
		}
		pass = p
	} else {
		if !terminal.isTerminal() {
			return nil, errors.New(l.T("cli.newpass.noterminal"))
		}
		// The length is checked as soon as it is typed, not after typing
		// it twice: a short one is said at once, and asked for again.
		var first []byte
		for try := 1; ; try++ {
			p, err := terminal.readPassword(counted(l, "cli.newpass.ask", minPassphrase))
			if err != nil {
				return nil, wrapErr(l, "cli.pass.cantread", err)
			}
			if len(p) == 0 {
				return nil, errors.New(l.T("cli.newpass.empty"))
			}
			short := tooShort(l, p)
			if short == nil {
				first = p
				break
			}
			clear(p)
			if try == passphraseTries {
				return nil, short
			}
			terminal.say(l.T("cli.newpass.tryagain", "Err", short.Error()))
		}
		again, err := terminal.readPassword(l.T("cli.newpass.again"))
		if err != nil {
			return nil, wrapErr(l, "cli.pass.cantread", err)
		}
		same := string(first) == string(again)
		clear(again)
		if !same {
			clear(first)
			return nil, errors.New(l.T("cli.newpass.differ"))
		}
		pass = first
	}
	if err := tooShort(l, pass); err != nil {
		clear(pass)
		return nil, wrapErr(l, "cli.newpass.unchanged", err)
	}
	return pass, nil
}

// tooShort says why a new passphrase is too short, or is nil.
func tooShort(l *msg.Lang, pass []byte) error {
	if n := utf8.RuneCount(pass); n < minPassphrase {
		return errors.New(counted(l, "cli.newpass.short", n, "Min", minPassphrase))
	}
	return nil
}

func newPassphraseCmd(o *options) *cobra.Command {
	var newFile string
	cmd := &cobra.Command{
		Use:   "passphrase",
		Short: "Change the passphrase of an encrypted database",
		Long: `passphrase asks for the current passphrase, then the new one twice, and
changes it in one step. Copies of the file made before (backups) still open
with the old passphrase.`,
		Example: `  attend passphrase
  attend passphrase --passphrase-file old.txt --new-passphrase-file new.txt`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			path, err := o.dbPath()
			if err != nil {
				return err
			}
			old, given, err := o.passphraseFromFile()
			if err != nil {
				return err
			}
			if !given {
				st, err := data.Open(path, data.Options{ReadOnly: true})
				if err == nil {
					st.Close()
					return errors.New(l.T("cli.passphrase.notencrypted", "Path", path))
				}
				if !errors.Is(err, data.ErrNeedPassphrase) {
					return err
				}
				if !terminal.isTerminal() {
					return errors.New(l.T("cli.passphrase.noterminal"))
				}
				if old, err = askCurrent(l, path); err != nil {
					return err
				}
			}
			defer clear(old)
			pass, err := newPassphrase(l, newFile)
			if err != nil {
				return err
			}
			defer clear(pass)
			if err := data.ChangePassphrase(path, old, pass); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, l.T("cli.passphrase.changed", "Path", path))
			return nil
		},
	}
	cmd.Flags().StringVar(&newFile, "new-passphrase-file", "", "read the new passphrase from the first line of FILE (for scripts; readable by you alone)")
	return cmd
}

// askCurrent asks for the current passphrase until it opens the file.
func askCurrent(l *msg.Lang, path string) ([]byte, error) {
	for try := 1; try <= passphraseTries; try++ {
		pass, err := terminal.readPassword(l.T("cli.passphrase.current", "Path", path))
		if err != nil {
			return nil, wrapErr(l, "cli.pass.cantread", err)
		}
		st, err := data.Open(path, data.Options{ReadOnly: true, Passphrase: pass})
		if err == nil {
			st.Close()
			return pass, nil
		}
		clear(pass)
		if !errors.Is(err, data.ErrWrongPassphrase) && !errors.Is(err, data.ErrNeedPassphrase) {
			return nil, err
		}
		if try < passphraseTries {
			terminal.say(l.T("cli.pass.wrong"))
		}
	}
	return nil, errors.New(counted(l, "cli.passphrase.stopped", passphraseTries, "Path", path))
}
