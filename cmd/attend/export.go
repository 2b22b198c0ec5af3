package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

func newExportCmd(o *options) *cobra.Command {
	var format, person, salvage string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Print every person and saved session (JSON or Markdown) to stdout",
		Long: `export prints everything attend holds, for scripts, backups you can read,
or a subject access request. The JSON format is described in docs/export.md.
It reads the file without locking out a running attend.`,
		Example: `  attend export --format json > attend.json
  attend export --format md --person "Siân Ŵyn" > sian.md`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			if format != "json" && format != "md" {
				return usageError{errors.New(l.T("cli.export.format", "Format", fmt.Sprintf("%q", format)))}
			}
			if salvage != "" && (format != "json" || person != "") {
				return usageError{errors.New(l.T("cli.salvage.format"))}
			}
			if err := o.personGiven(cmd, person); err != nil {
				return err
			}
			st, _, err := o.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			if salvage != "" {
				return salvageTo(st, salvage, cmd.ErrOrStderr(), time.Now(), l)
			}
			w := bufio.NewWriterSize(cmd.OutOrStdout(), 64<<10)
			if err := export(st, w, cmd.ErrOrStderr(), format, person, time.Now(), l); err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "json or md")
	cmd.Flags().StringVar(&person, "person", "", "only this person (name, ignoring case and accents)")
	cmd.Flags().StringVar(&salvage, "salvage", "", "from a damaged database: write every record still readable to FILE (JSON, for attend import), and name those that are not")
	return cmd
}

// export writes the chosen format, streaming sessions one at a time. With a
// person, it is only theirs: a name that could mean several is refused,
// and one found by the start of their name is said on say (stderr), so
// what is handed over is never someone else's by a slip.
func export(st *data.Store, w, say io.Writer, format, person string, now time.Time, l *msg.Lang) error {
	people, err := st.People()
	if err != nil {
		return err
	}
	everyone := people
	if person != "" {
		p, err := findPerson(l, people, person, false)
		if err != nil {
			return err
		}
		if !coach.WholeWordsOf(p.Name, person) {
			// "s" found Siân Llŷr, the only name with a word starting so,
			// and her records went out (found in review): handing records
			// over takes a whole name, or a whole word of it.
			return usageError{errors.New(l.T("cli.export.fragment", "Typed", fmt.Sprintf("%q", person), "Name", p.Name))}
		}
		if !coach.SameName(p.Name, person) {
			fmt.Fprintln(say, l.T("cli.export.whose", "Name", p.Name))
		}
		people = []coach.Person{p}
	}
	only := ""
	if person != "" {
		only = people[0].ID
	}
	var keep func(coach.Person) bool
	if only != "" {
		keep = func(p coach.Person) bool { return p.ID == only }
	}
	if format == "md" {
		if only != "" {
			// A subject access answer says whose it is, and when it was made.
			if _, err := fmt.Fprintf(w, "# %s\n\n%s\n\n---\n\n",
				l.T("cli.export.title", "Name", coach.MarkdownEscape(people[0].Name)), l.T("cli.export.made", "Date", human(l, coach.DateOf(now)))); err != nil {
				return err
			}
		}
		first := true
		// Each session is made Markdown on every core, and written in order.
		err := st.EachSessionEncoded(everyone, keep, func(dst []byte, p coach.Person, s coach.Session) ([]byte, error) {
			return append(dst, coach.Markdown(guideFor(s.Lang), p, s, coach.MarkdownOptions{Lang: l})...), nil
		}, func(b []byte) error {
			if !first {
				if _, err := io.WriteString(w, "\n---\n\n"); err != nil {
					return err
				}
			}
			first = false
			_, err := w.Write(b)
			return err
		})
		if err == nil && first && only != "" {
			// A subject access request still gets an answer: that there is
			// no saved record yet.
			_, err = fmt.Fprintln(w, l.T("cli.export.nosessions"))
		}
		if err == nil && only != "" {
			// An unsaved prep is personal data about them too.
			if d, ok, derr := st.Draft(only); derr == nil && ok {
				_, err = fmt.Fprintf(w, "\n---\n\n## %s\n\n_%s_\n\n%s", l.T("cli.export.draft"), l.T("cli.export.draft.note"),
					coach.Markdown(guideFor(d.Lang), people[0], d, coach.MarkdownOptions{Parts: []coach.Part{coach.PartPrep}, Lang: l}))
			} else if derr != nil {
				err = derr
			}
		}
		return err
	}
	// Decoding each session and encoding it are most of the work: they run
	// on every core, and the sessions are written in order.
	ew := coach.NewExportWriter(w, now, people)
	err = st.EachSessionEncoded(everyone, keep, func(dst []byte, p coach.Person, s coach.Session) ([]byte, error) {
		return coach.AppendExportSessionOf(dst, guideFor(s.Lang), p, s)
	}, ew.Encoded)
	if err != nil {
		return err
	}
	return ew.Close()
}

// guideFor is the prompts a session was written with, or English for a
// language this build does not have (coach.LoadGuide keeps each it loads).
func guideFor(lang string) *coach.Guide {
	g, err := coach.LoadGuide(lang)
	if err != nil {
		g, _ = coach.LoadGuide(coach.DefaultLang)
	}
	return g
}

// salvageTo writes everything still readable in a damaged database to the
// new file to (0600, never one that exists), in the JSON export format,
// then says on say what it wrote and exactly what it could not read. The
// database is only read. It returns an error (so attend exits 1) if
// anything was left out.
func salvageTo(st *data.Store, to string, say io.Writer, now time.Time, l *msg.Lang) error {
	f, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return errors.New(l.T("cli.salvage.exists", "Path", to))
	}
	if err != nil {
		return wrapErr(l, "cli.salvage.cantwrite", err, "Path", to)
	}
	written := false
	defer func() {
		if !written { // half a salvage is no use to import: none is left
			f.Close()
			os.Remove(to)
		}
	}()
	w := bufio.NewWriterSize(f, 64<<10)
	var ew *coach.ExportWriter
	byID := map[string]coach.Person{}
	got, err := st.Salvage(func(found *data.Salvaged) error {
		people := slices.Clone(found.People)
		for _, id := range found.Unnamed {
			// The name is lost, not the person: a stand-in that says so,
			// created when their id says they were.
			created := time.UnixMilli(int64(ulid.MustParse(id).Time())).UTC()
			people = append(people, coach.Person{ID: id, Name: l.T("cli.salvage.noname", "ID", id), Created: created})
		}
		for _, p := range people {
			byID[p.ID] = p
		}
		ew = coach.NewExportWriter(w, now, people)
		return nil
	}, func(s coach.Session) error {
		b, err := coach.AppendExportSessionOf(nil, guideFor(s.Lang), byID[s.PersonID], s)
		if err != nil {
			return err
		}
		return ew.Encoded(b)
	})
	if err == nil {
		err = ew.Close()
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var de *data.Error
		if errors.As(err, &de) {
			return err
		}
		return wrapErr(l, "cli.salvage.cantwrite", err, "Path", to)
	}
	written = true
	fmt.Fprintln(say, coach.SafeText(l.T("cli.salvage.done", "Path", st.Path(), "To", to,
		"People", counted(l, "cli.salvage.people", len(got.People)+len(got.Unnamed)),
		"Sessions", counted(l, "cli.salvage.sessions", got.Sessions))))
	if len(got.Lost) > 0 {
		fmt.Fprintln(say, l.T("cli.salvage.lost", "What", counted(l, "cli.salvage.records", len(got.Lost))))
		for _, r := range got.Lost {
			fmt.Fprintf(say, "  %s %s: %s\n", l.T("cli.salvage.kind."+r.Kind), r.ID, coach.SafeText(r.Text(l)))
		}
	}
	for _, kind := range got.Unlisted {
		fmt.Fprintln(say, l.T("cli.salvage.unlisted."+kind))
	}
	if len(got.Unnamed) > 0 {
		fmt.Fprintln(say, l.T("cli.salvage.unnamed", "What", counted(l, "cli.salvage.people", len(got.Unnamed)), "Example", l.T("cli.salvage.noname", "ID", got.Unnamed[0])))
	}
	fmt.Fprintln(say, coach.SafeText(l.T("cli.salvage.next", "To", to)))
	if n := len(got.Lost) + len(got.Unnamed); n > 0 || len(got.Unlisted) > 0 {
		return errors.New(l.T("cli.salvage.incomplete", "What", counted(l, "cli.salvage.records", n)))
	}
	return nil
}
