package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

// privacyOpts are the privacy flags. They live beside globals (main.go owns
// that struct), keyed by it, so every command's open path can find them.
type privacyOpts struct {
	passFile string // --passphrase-file
}

var privacyFor sync.Map // *globals -> *privacyOpts

func privacyOf(g *globals) *privacyOpts {
	v, _ := privacyFor.LoadOrStore(g, &privacyOpts{})
	return v.(*privacyOpts)
}

// addPrivacyCommands adds the --passphrase-file flag and the commands that
// protect, move and remove records: encrypt, passphrase, import, erase,
// retention and compact.
func addPrivacyCommands(root *cobra.Command, g *globals) {
	po := privacyOf(g)
	root.PersistentFlags().StringVar(&po.passFile, "passphrase-file", "",
		"read the passphrase of an encrypted database from the first line of FILE (default $ATTEND_PASSPHRASE_FILE); the file must be readable by you alone")
	root.AddCommand(newEncryptCmd(g), newPassphraseCmd(g), newImportCmd(g), newEraseCmd(g), newRetentionCmd(g), newCompactCmd(g))
}

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

// plaintextCopies lists the copies attend itself left beside the database
// (the backup taken before an upgrade), which encryption does not touch.
func plaintextCopies(path string) []string {
	found, _ := filepath.Glob(path + ".bak-*")
	return found
}

func newEncryptCmd(g *globals) *cobra.Command {
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
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := wordsOf(cmd)
			path, err := g.dbPath()
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
			file := privacyOf(g).passFile
			if file == "" {
				file = os.Getenv("ATTEND_PASSPHRASE_FILE")
			}
			pass, err := newPassphrase(l, file)
			if err != nil {
				return err
			}
			defer clear(pass)
			start := time.Now()
			if err := data.Encrypt(path, pass); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%s\n\n", l.T("cli.encrypt.done", "Path", path, "Took", time.Since(start).Round(time.Millisecond).String()))
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

func newPassphraseCmd(g *globals) *cobra.Command {
	var newFile string
	cmd := &cobra.Command{
		Use:   "passphrase",
		Short: "Change the passphrase of an encrypted database",
		Long: `passphrase asks for the current passphrase, then the new one twice, and
changes it in one step. Copies of the file made before (backups) still open
with the old passphrase.`,
		Example: `  attend passphrase
  attend passphrase --passphrase-file old.txt --new-passphrase-file new.txt`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := wordsOf(cmd)
			path, err := g.dbPath()
			if err != nil {
				return err
			}
			old, given, err := g.passphraseFromFile()
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

func newImportCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Restore or merge a JSON export (importing the same file twice changes nothing)",
		Long: `import reads a JSON export (attend export --format json; docs/export.md) and
adds what is not already here, in one step. People are matched by id, else by
name; sessions by id, where a newer version replaces an older one. Importing
the same file twice changes nothing. The whole file is checked first: if
anything in it is wrong, nothing is imported, and the field at fault is named.
FILE "-" reads standard input.`,
		Example: `  attend import attend.json
  attend export --db old.db | attend import -`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(wordsOf(cmd).T("cli.import.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := wordsOf(cmd)
			name := args[0]
			var r io.Reader = cmd.InOrStdin()
			if name != "-" {
				f, err := os.Open(name)
				if err != nil {
					return wrapErr(l, "cli.import.cantread", err, "Name", name)
				}
				defer f.Close()
				if fi, err := f.Stat(); err == nil && fi.Size() > coach.MaxImportBytes {
					return errors.New(l.T("cli.import.toolarge", "Name", name))
				}
				r = f
			} else {
				name = l.T("cli.import.stdin")
			}
			start := time.Now()
			// Read as a stream: a value over its limit is refused as soon
			// as it is seen, however large the file.
			doc, err := coach.ParseImportReader(bufio.NewReaderSize(r, 64<<10))
			if err != nil {
				return wrapErr(l, "cli.import.failed", err, "Name", name)
			}
			st, _, err := g.openWithGuide(false)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.Import(doc)
			if err != nil {
				return wrapErr(l, "cli.import.failed", err, "Name", name)
			}
			out := cmd.OutOrStdout()
			took := time.Since(start).Round(time.Millisecond)
			switch {
			case !res.Changed() && len(res.SessionsDiffering) == 0:
				fmt.Fprintln(out, l.T("cli.import.nothing", "Name", name, "Path", st.Path(),
					"People", counted(l, "cli.import.people", res.PeopleMatched+res.PeopleMerged), "Sessions", counted(l, "cli.import.sessions", res.SessionsUnchanged)))
			case !res.Changed():
				fmt.Fprintln(out, l.T("cli.import.notall", "Name", name, "Path", st.Path()))
			default:
				fmt.Fprintln(out, l.T("cli.import.done", "Name", name, "Path", st.Path(), "Took", took.String()))
				fmt.Fprintln(out, l.T("cli.import.peoplecounts", "Added", res.PeopleAdded, "Matched", res.PeopleMatched, "Merged", res.PeopleMerged))
				fmt.Fprintln(out, l.T("cli.import.sessioncounts", "Added", res.SessionsAdded, "Replaced", res.SessionsReplaced, "Unchanged", res.SessionsUnchanged))
			}
			if n := len(res.SessionsDiffering); n > 0 {
				fmt.Fprintln(out, counted(l, "cli.import.differ", n))
				for _, id := range res.SessionsDiffering {
					fmt.Fprintf(out, "  %s\n", id)
				}
				fmt.Fprintln(out, l.T("cli.import.compare"))
			}
			return nil
		},
	}
}

func newEraseCmd(g *globals) *cobra.Command {
	var person string
	var yes bool
	cmd := &cobra.Command{
		Use:   "erase --person NAME",
		Short: "Erase a person and every session, draft and action about them",
		Long: `erase removes one person and everything attend holds about them (every
saved session, unsaved prep and action), then rewrites the file so that no
fragment of them remains in it. It asks you to type their name to confirm;
--yes skips that, for scripts. It cannot be undone.

Backups and exports made before are not touched: erase those too.`,
		Example: `  attend erase --person "Siân Ŵyn"
  attend erase --person sian --yes`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := wordsOf(cmd)
			if strings.TrimSpace(person) == "" {
				return usageError{errors.New(l.T("cli.erase.args"))}
			}
			st, err := g.open(false, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			people, err := st.People()
			if err != nil {
				return err
			}
			p, err := findExactPerson(l, people, person, "erase")
			if err != nil {
				return err
			}
			if !yes {
				drafts, err := st.Drafts()
				if err != nil {
					return err
				}
				prep := ""
				if _, ok := drafts[p.ID]; ok {
					prep = l.T("cli.erase.prep")
				}
				fmt.Fprint(cmd.ErrOrStderr(), l.T("cli.erase.ask", "Name", coach.SafeText(p.Name), "Sessions", counted(l, "cli.erase.sessions", p.Sessions), "Prep", prep))
				line, err := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
				if err != nil && (!errors.Is(err, io.EOF) || line == "") {
					return errors.New(l.T("cli.erase.noconfirm", "Name", coach.SafeText(p.Name)))
				}
				if !coach.SameName(strings.TrimSpace(line), p.Name) {
					return errors.New(l.T("cli.erase.wrongname", "Name", coach.SafeText(p.Name)))
				}
			}
			start := time.Now()
			res, err := st.Erase(p.ID)
			if err != nil && !errors.Is(err, data.ErrNotCompacted) {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprint(out, l.T("cli.erase.done", "Name", coach.SafeText(res.Person.Name), "Sessions", counted(l, "cli.erase.sessions", res.Sessions),
				"Drafts", counted(l, "cli.erase.drafts", res.Drafts), "Index", counted(l, "cli.erase.index", res.Index)))
			if err != nil {
				fmt.Fprintln(out, ".")
				return err
			}
			fmt.Fprintln(out, l.T("cli.erase.rewritten", "Path", st.Path(), "Took", time.Since(start).Round(time.Millisecond).String()))
			fmt.Fprintln(out, l.T("cli.erase.copies"))
			for _, c := range plaintextCopies(st.Path()) {
				fmt.Fprintln(out, l.T("cli.erase.copy", "Path", c))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "who to erase (name, ignoring case and accents)")
	cmd.Flags().BoolVar(&yes, "yes", false, "do not ask to confirm (for scripts)")
	return cmd
}

func newRetentionCmd(g *globals) *cobra.Command {
	var years int
	cmd := &cobra.Command{
		Use:   "retention [--years N]",
		Short: "Show or set how long records are kept, and list people due for deletion",
		Long: `retention shows the retention setting and lists the people whose last
session is more than that many years ago, with the command to erase them.
--years N sets it (0 turns it off). Check your employer's retention policy:
six years after employment ends is common for staff records.`,
		Example: `  attend retention
  attend retention --years 6`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := wordsOf(cmd)
			set := cmd.Flags().Changed("years")
			if set {
				if err := coach.CheckRetention(years); err != nil {
					return usageError{err}
				}
			}
			st, err := g.open(!set, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			out := cmd.OutOrStdout()
			if set {
				if err := st.SetRetention(years); err != nil {
					return err
				}
			}
			years, err := st.Retention()
			if err != nil {
				return err
			}
			if years == 0 {
				fmt.Fprintln(out, l.T("cli.retention.none"))
				return nil
			}
			fmt.Fprintln(out, counted(l, "cli.retention.set", years))
			people, err := st.People()
			if err != nil {
				return err
			}
			due := coach.DueForDeletion(people, years, coach.DateOf(time.Now()))
			if len(due) == 0 {
				fmt.Fprintln(out, l.T("cli.retention.nodue"))
				return nil
			}
			fmt.Fprintln(out, l.T("cli.retention.due", "N", len(due)))
			for _, d := range due {
				last := l.T("cli.retention.last", "Date", human(l, d.Last))
				if d.NoSessions {
					last = l.T("cli.retention.nosessions", "Date", human(l, d.Last))
				}
				fmt.Fprintf(out, "  %s\n    attend erase --person %s\n", l.T("cli.retention.since", "Name", coach.SafeText(d.Person.Name), "Last", last, "Date", human(l, d.Since)), shellQuote(coach.SafeText(d.Person.Name)))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&years, "years", 0, "keep records this many years after the last session (0: no retention setting)")
	return cmd
}

// shellQuote quotes a name for a command line to copy.
func shellQuote(s string) string {
	if !strings.ContainsAny(s, "\"$`\\!") {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func newCompactCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Rewrite the database file so nothing deleted remains in it",
		Long: `compact rewrites the database into a new file holding only the records in
it, so no trace of anything deleted remains in free space. attend erase does
this by itself; compact is for when that step could not finish.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := g.open(false, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			before, _ := os.Stat(st.Path())
			if err := st.Compact(); err != nil {
				return err
			}
			after, _ := os.Stat(st.Path())
			if before != nil && after != nil {
				fmt.Fprintln(cmd.OutOrStdout(), wordsOf(cmd).T("cli.compact.done", "Path", st.Path(), "Before", before.Size(), "After", after.Size()))
			}
			return nil
		},
	}
}
