package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"attend/coach/msg"
)

func newBackupCmd(o *options) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the database, even while attend is open",
		Long: `backup writes a copy of the database to FILE (readable only by you). It is
consistent even while another attend is using the file. If FILE is a folder, a
dated file is written inside it (attend-20261126-085500.db; a second one in
the same second gets -2, and so on, never replacing the first), and its name
is printed; a folder named with a slash at the end that is not there yet is
made first, readable only by you. Restore by pointing --db at the copy, or by
copying it back over the database while no attend is running.`,
		Example: `  attend backup ~/attend-backups/
  attend backup /media/usb/attend-2026-11-26.db`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(o.words().T("cli.backup.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := o.words()
			fi, statErr := os.Stat(args[0])
			if statErr == nil && !fi.IsDir() && !force {
				return errors.New(l.T("cli.backup.exists", "Path", args[0]))
			}
			// "attend backup ~/attend-backups/": a folder asked for, made
			// if it is not there yet (once the database is known to open).
			makeDir := statErr != nil && endsInSeparator(args[0])
			st, err := o.open(true, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			if makeDir {
				if err := makeBackupFolder(l, args[0]); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("cli.backup.madefolder", "Path", args[0]))
			}
			dst := args[0]
			if makeDir || statErr == nil && fi.IsDir() {
				if dst, err = reserveBackup(l, args[0], backupNow()); err != nil {
					return err
				}
			}
			if err := st.Backup(dst); err != nil {
				if dst != args[0] {
					os.Remove(dst) // the empty name reserved for it
				}
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), l.T("cli.backup.done", "Path", st.Path(), "To", dst))
			if st.CheckedDamaged() {
				// A trial backed up a file check had found damaged and was
				// told nothing: a backup to restore from later must not be
				// mistaken for a sound one.
				fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.backup.damaged", "Path", st.Path(), "To", dst))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it already exists")
	return cmd
}

// endsInSeparator says whether path names a folder by ending in a slash (or,
// on Windows, a backslash).
func endsInSeparator(path string) bool {
	return strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(os.PathSeparator))
}

// makeBackupFolder makes the folder a backup was asked to go into, readable
// by its owner alone (0700). Only the last folder is made: a path whose
// folder above is not there either is more likely mistyped, and is refused
// as before; so is anything already at the path that is not a folder (a
// link to nothing, a file).
func makeBackupFolder(l *msg.Lang, dir string) error {
	clean := filepath.Clean(dir)
	if _, err := os.Lstat(clean); err == nil {
		return errors.New(l.T("cli.backup.notfolder", "Path", dir))
	}
	if _, err := os.Stat(filepath.Dir(clean)); errors.Is(err, fs.ErrNotExist) {
		return errors.New(l.T("cli.backup.nofolder", "Path", dir))
	}
	if err := os.Mkdir(clean, 0o700); err != nil {
		return wrapErr(l, "cli.backup.cantwrite", err, "Dir", dir)
	}
	return nil
}

// reserveBackup makes the empty file a backup into dir will be written
// over: attend-YYYYMMDD-HHMMSS.db, or with -2, -3, ... when a backup made
// in the same second already has that name. Creating it (only if it does
// not exist, mode 0600) claims the name, so two backups at once, even from
// two attends, can never replace each other.
func reserveBackup(l *msg.Lang, dir string, at time.Time) (string, error) {
	stem := filepath.Join(dir, "attend-"+at.Format("20060102-150405"))
	for n := 1; n <= 1000; n++ {
		name := stem + ".db"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.db", stem, n)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", wrapErr(l, "cli.backup.cantwrite", err, "Dir", dir)
		}
		f.Close()
		return name, nil
	}
	return "", errors.New(l.T("cli.backup.full", "Dir", dir))
}

// backupNow is the time that names a backup in a folder (tests set it).
var backupNow = time.Now
