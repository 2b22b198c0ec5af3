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
func newPassphrase(file, what string) ([]byte, error) {
	var pass []byte
	if file != "" {
		p, err := readPassphraseFile(file)
		if err != nil {
			return nil, err
		}
		pass = p
	} else {
		if !terminal.isTerminal() {
			return nil, fmt.Errorf("there is no terminal to type the %s passphrase on: give it with --passphrase-file FILE (nothing was changed)", what)
		}
		// The length is checked as soon as it is typed, not after typing
		// it twice: a short one is said at once, and asked for again.
		var first []byte
		for try := 1; ; try++ {
			p, err := terminal.readPassword(fmt.Sprintf("%s passphrase (at least %d characters): ", capitalise(what), minPassphrase))
			if err != nil {
				return nil, fmt.Errorf("could not read the passphrase: %w", err)
			}
			if len(p) == 0 {
				return nil, errors.New("no passphrase typed: an empty passphrase protects nothing (nothing was changed)")
			}
			short := tooShort(p)
			if short == nil {
				first = p
				break
			}
			clear(p)
			if try == passphraseTries {
				return nil, short
			}
			terminal.say(short.Error() + "; try again")
		}
		again, err := terminal.readPassword("Type it again: ")
		if err != nil {
			return nil, fmt.Errorf("could not read the passphrase: %w", err)
		}
		same := string(first) == string(again)
		clear(again)
		if !same {
			clear(first)
			return nil, errors.New("the two passphrases typed are not the same (nothing was changed)")
		}
		pass = first
	}
	if err := tooShort(pass); err != nil {
		clear(pass)
		return nil, fmt.Errorf("%w; nothing was changed", err)
	}
	return pass, nil
}

// tooShort says why a new passphrase is too short, or is nil.
func tooShort(pass []byte) error {
	if n := utf8.RuneCount(pass); n < minPassphrase {
		return fmt.Errorf("that passphrase is %s long: use at least %d (a few unrelated words are easy to remember and hard to guess)", count(n, "character", "characters"), minPassphrase)
	}
	return nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
			path, err := g.dbPath()
			if err != nil {
				return err
			}
			st, err := data.Open(path, data.Options{})
			if errors.Is(err, data.ErrNeedPassphrase) {
				return fmt.Errorf("%s is already encrypted: use `attend passphrase` to change its passphrase (nothing was changed)", path)
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
			pass, err := newPassphrase(file, "new")
			if err != nil {
				return err
			}
			defer clear(pass)
			start := time.Now()
			if err := data.Encrypt(path, pass); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%s is now encrypted (took %s):\nevery name, note and action in it is sealed.\n\n", path, time.Since(start).Round(time.Millisecond))
			fmt.Fprintln(out, "There is NO way to recover your records without this passphrase:")
			fmt.Fprintln(out, "keep it somewhere safe, such as a password manager.")
			fmt.Fprintln(out, "attend will ask for it each time it starts (scripts: --passphrase-file FILE).")
			fmt.Fprintln(out)
			fmt.Fprintln(out, "Copies made before now are NOT encrypted: backups made with `attend backup`,")
			fmt.Fprintln(out, "JSON or Markdown exports, and copies of the file. Delete them, or keep them")
			fmt.Fprintln(out, "somewhere as safe as the passphrase.")
			for _, c := range plaintextCopies(path) {
				fmt.Fprintf(out, "  unencrypted copy beside it: %s\n", c)
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
					return fmt.Errorf("%s is not encrypted, so it has no passphrase to change: use `attend encrypt` to turn encryption on", path)
				}
				if !errors.Is(err, data.ErrNeedPassphrase) {
					return err
				}
				if !terminal.isTerminal() {
					return errors.New("there is no terminal to type the passphrases on: give them with --passphrase-file FILE and --new-passphrase-file FILE (nothing was changed)")
				}
				if old, err = askCurrent(path); err != nil {
					return err
				}
			}
			defer clear(old)
			pass, err := newPassphrase(newFile, "new")
			if err != nil {
				return err
			}
			defer clear(pass)
			if err := data.ChangePassphrase(path, old, pass); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "the passphrase of %s is changed.\n", path)
			fmt.Fprintln(out, "Copies of the file made before (backups) still open with the old passphrase.")
			return nil
		},
	}
	cmd.Flags().StringVar(&newFile, "new-passphrase-file", "", "read the new passphrase from the first line of FILE (for scripts; readable by you alone)")
	return cmd
}

// askCurrent asks for the current passphrase until it opens the file.
func askCurrent(path string) ([]byte, error) {
	for try := 1; try <= passphraseTries; try++ {
		pass, err := terminal.readPassword(fmt.Sprintf("Current passphrase for %s: ", path))
		if err != nil {
			return nil, fmt.Errorf("could not read the passphrase: %w", err)
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
			terminal.say("that passphrase does not open it; try again")
		}
	}
	return nil, fmt.Errorf("%d tries, and no passphrase opened %s: nothing was changed", passphraseTries, path)
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
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New("import takes one FILE: a JSON export made with attend export --format json")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			var r io.Reader = cmd.InOrStdin()
			if name != "-" {
				f, err := os.Open(name)
				if err != nil {
					return fmt.Errorf("cannot read %s: %w", name, err)
				}
				defer f.Close()
				if fi, err := f.Stat(); err == nil && fi.Size() > coach.MaxImportBytes {
					return fmt.Errorf("%s is larger than 1 GiB, far beyond any attend export: nothing was imported", name)
				}
				r = f
			} else {
				name = "standard input"
			}
			start := time.Now()
			// Read as a stream: a value over its limit is refused as soon
			// as it is seen, however large the file.
			doc, err := coach.ParseImportReader(bufio.NewReaderSize(r, 64<<10))
			if err != nil {
				return fmt.Errorf("%s was not imported (nothing was written): %w", name, err)
			}
			st, _, err := g.openWithGuide(false)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.Import(doc)
			if err != nil {
				return fmt.Errorf("%s was not imported (nothing was written): %w", name, err)
			}
			out := cmd.OutOrStdout()
			took := time.Since(start).Round(time.Millisecond)
			switch {
			case !res.Changed() && len(res.SessionsDiffering) == 0:
				fmt.Fprintf(out, "nothing to import: everything in %s is already in %s (%s, %s; nothing was changed)\n",
					name, st.Path(), count(res.PeopleMatched+res.PeopleMerged, "person", "people"), count(res.SessionsUnchanged, "session", "sessions"))
			case !res.Changed():
				fmt.Fprintf(out, "nothing was imported from %s into %s (nothing was changed), but not everything in it is already here:\n", name, st.Path())
			default:
				fmt.Fprintf(out, "imported %s into %s in %s:\n", name, st.Path(), took)
				fmt.Fprintf(out, "  people:   %d added, %d already here, %d merged by name\n", res.PeopleAdded, res.PeopleMatched, res.PeopleMerged)
				fmt.Fprintf(out, "  sessions: %d added, %d replaced by a newer version, %d already here\n", res.SessionsAdded, res.SessionsReplaced, res.SessionsUnchanged)
			}
			if n := len(res.SessionsDiffering); n > 0 {
				fmt.Fprintf(out, "%s in the file %s other words than here but the same time of last change, so attend cannot tell which is right and kept the one here as it is:\n",
					count(n, "session", "sessions"), map[bool]string{true: "has", false: "have"}[n == 1])
				for _, id := range res.SessionsDiffering {
					fmt.Fprintf(out, "  %s\n", id)
				}
				fmt.Fprintln(out, "Compare them with `attend show ID` and the file; to take the file's version, change its \"updated\" time to now and import it again.")
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
			if strings.TrimSpace(person) == "" {
				return usageError{errors.New(`erase needs --person NAME: attend erase --person "Siân Ŵyn"`)}
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
			p, err := findExactPerson(people, person, "erase")
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
					prep = " and an unsaved prep"
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "This erases %s and everything about them: %s%s. It cannot be undone.\nType their full name to confirm: ",
					coach.SafeText(p.Name), count(p.Sessions, "saved session", "saved sessions"), prep)
				line, err := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
				if err != nil && (!errors.Is(err, io.EOF) || line == "") {
					return fmt.Errorf("no confirmation was typed: %s was not erased (nothing was changed)", coach.SafeText(p.Name))
				}
				if !coach.SameName(strings.TrimSpace(line), p.Name) {
					return fmt.Errorf("what was typed is not %s's name: nothing was erased (nothing was changed)", coach.SafeText(p.Name))
				}
			}
			start := time.Now()
			res, err := st.Erase(p.ID)
			if err != nil && !errors.Is(err, data.ErrNotCompacted) {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "erased %s: %s, %s, %s", coach.SafeText(res.Person.Name),
				count(res.Sessions, "saved session", "saved sessions"), count(res.Drafts, "unsaved prep", "unsaved preps"), count(res.Index, "index entry", "index entries"))
			if err != nil {
				fmt.Fprintln(out, ".")
				return err
			}
			fmt.Fprintf(out, "; %s was rewritten so no trace of them remains in it (took %s).\n", st.Path(), time.Since(start).Round(time.Millisecond))
			fmt.Fprintln(out, "Copies made before now still hold them: erase them from backups (`attend backup` copies), exports and other copies too.")
			for _, c := range plaintextCopies(st.Path()) {
				fmt.Fprintf(out, "  copy beside it: %s\n", c)
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
				fmt.Fprintln(out, "retention: none set, so no one is listed for deletion (attend retention --years 6 sets six years after the last session)")
				return nil
			}
			fmt.Fprintf(out, "retention: %s after the last session\n", count(years, "year", "years"))
			people, err := st.People()
			if err != nil {
				return err
			}
			due := coach.DueForDeletion(people, years, coach.DateOf(time.Now()))
			if len(due) == 0 {
				fmt.Fprintln(out, "no one is due for deletion")
				return nil
			}
			fmt.Fprintf(out, "due for deletion (%d):\n", len(due))
			for _, d := range due {
				last := "last session " + d.Last.Human()
				if d.NoSessions {
					last = "no sessions; added " + d.Last.Human()
				}
				fmt.Fprintf(out, "  %s: %s, due since %s\n    attend erase --person %s\n", coach.SafeText(d.Person.Name), last, d.Since.Human(), shellQuote(coach.SafeText(d.Person.Name)))
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
				fmt.Fprintf(cmd.OutOrStdout(), "compacted %s: %d bytes before, %d after\n", st.Path(), before.Size(), after.Size())
			}
			return nil
		},
	}
}
