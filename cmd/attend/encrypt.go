package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"attend/data"
)

// plaintextCopies lists the copies attend itself left beside the database
// (the backup taken before an upgrade), which encryption does not touch.
func plaintextCopies(path string) []string {
	found, _ := filepath.Glob(path + ".bak-*")
	return found
}

func newEncryptCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "encrypt",
		Short: "Turn on encryption for the database (asks for a new passphrase twice)",
		Long: `encrypt seals every name, note and action in the database with a key that
only your passphrase opens, so nothing can be read from the file without it.
It rewrites the whole file, so no unencrypted trace is left in it. From then
on attend asks for the passphrase when it starts.

There is no way to recover the records without the passphrase.`,
		Example: `  attend encrypt
  attend encrypt --passphrase-file ~/.attend-pass     (for scripts; chmod 600)`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			path, err := o.dbPath()
			if err != nil {
				return err
			}
			st, err := data.Open(path, data.Options{})
			if errors.Is(err, data.ErrNeedPassphrase) {
				return errors.New(l.T("cli.encrypt.already", "Path", path))
			}
			if err != nil {
				return err
			}
			path = st.Path()
			st.Close()
			pass, err := newPassphrase(l, o.passphraseFile())
			if err != nil {
				return err
			}
			defer clear(pass)
			start := time.Now()
			if err := data.Encrypt(path, pass); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%s\n\n", l.T("cli.encrypt.done", "Path", path, "Took", l.Duration(time.Since(start).Round(time.Millisecond))))
			fmt.Fprintln(out, l.T("cli.encrypt.warn"))
			fmt.Fprintln(out)
			fmt.Fprintln(out, l.T("cli.encrypt.copies"))
			for _, c := range plaintextCopies(path) {
				fmt.Fprintln(out, l.T("cli.encrypt.copy", "Path", c))
			}
			return nil
		},
	}
}
