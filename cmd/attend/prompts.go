package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"attend/coach"
)

// ---- prompt packs: --prompts FILE, ATTEND_PROMPTS, $XDG_CONFIG_HOME/attend/prompts.toml

// packPath is the pack to use, and where that choice came from: --prompts,
// else ATTEND_PROMPTS, else prompts.toml in attend's config folder if it
// is there. "" means attend's own prompts.
func (g *globals) packPath() (string, error) {
	if g.prompts != "" {
		return g.prompts, nil
	}
	if p := os.Getenv("ATTEND_PROMPTS"); p != "" {
		return p, nil
	}
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", nil // no home, no config: attend's own prompts
		}
		dir = filepath.Join(home, ".config")
	}
	p := filepath.Join(dir, "attend", "prompts.toml")
	if _, err := os.Stat(p); err != nil {
		return "", nil
	}
	return p, nil
}

// readPack reads and checks a pack file; a broken one is a *coach.PackError
// with every fault.
func readPack(path string) (*coach.Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, wrapErr(english, "cli.pack.cantread", errors.Unwrap(err), "Path", path)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, coach.MaxPackSize+1))
	if err != nil {
		return nil, wrapErr(english, "cli.pack.cantread", err, "Path", path)
	}
	p, faults := coach.ParsePack(raw)
	if len(faults) > 0 {
		return nil, &coach.PackError{Path: path, Faults: faults}
	}
	p.Path = path
	return p, nil
}

// usePack puts the chosen pack in place before any command runs (or attend's
// own prompts, if none is chosen). A broken pack stops attend in one line
// with its first fault: attend never runs on half a pack.
func (g *globals) usePack() error {
	coach.UsePack(nil)
	path, err := g.packPath()
	if err != nil || path == "" {
		return err
	}
	p, err := readPack(path)
	if err != nil {
		return err
	}
	coach.UsePack(p)
	return nil
}

// ---- attend prompts

// promptRow is one prompt as `attend prompts --format json` lists it.
type promptRow struct {
	Part   coach.Part     `json:"part"`
	Stage  string         `json:"stage"`
	ID     string         `json:"id"`
	Kind   coach.ItemKind `json:"kind"`
	Core   bool           `json:"core"`
	Source string         `json:"source"`
	Prompt string         `json:"prompt"`
	Hint   string         `json:"hint,omitempty"`
	Draft  bool           `json:"draft,omitempty"`
}

func newPromptsCmd(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "prompts [--lang cy] [--format text|json|toml]",
		Short: "List the prompts: part, stage, id, kind, whether core, and where each comes from",
		Long: `prompts lists every prompt attend asks, in order, for the language chosen
with --lang: its part (prep, before the meeting and private to you; record,
the meeting record you agree with them; reflection, after, private to you),
its stage, its id, its kind (text, rating, actions or date), whether it is
core (the quick prep shows only core prompts) and its source (the seed's
lines, the King's Fund ABC, 4x4x4 supervision, the domain brief).

As text, one prompt a line, fields separated by two spaces:

  PART  STAGE  ID  KIND  core|more  SOURCE  PROMPT

--format toml writes the whole prompt set, in every language, as a prompt
pack: a file your organisation can edit by hand (reword, add and hide
prompts, say which are core), check with attend prompts check FILE, and use
with --prompts FILE, ATTEND_PROMPTS=FILE, or by saving it as
$XDG_CONFIG_HOME/attend/prompts.toml.`,
		Example: `  attend prompts
  attend prompts --lang cy --format json
  attend prompts --format toml > ours.toml
  attend prompts check ours.toml
  attend --prompts ours.toml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := wordsOf(cmd)
			switch format {
			case "text", "json":
			case "toml":
				return writePackTOML(cmd.OutOrStdout())
			default:
				return usageError{errors.New(l.T("cli.prompts.format", "Format", fmt.Sprintf("%q", format)))}
			}
			guide, err := g.guide()
			if err != nil {
				return err
			}
			var rows []promptRow
			for _, st := range guide.Stages {
				for _, it := range st.Items {
					rows = append(rows, promptRow{Part: st.Part, Stage: st.ID, ID: it.ID, Kind: it.Kind, Core: it.Core,
						Source: it.Source, Prompt: it.Prompt, Hint: it.Hint, Draft: it.Draft})
				}
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			if format == "json" {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rows); err != nil {
					return err
				}
				return w.Flush()
			}
			for _, r := range rows {
				core := l.T("cli.prompts.more")
				if r.Core {
					core = l.T("cli.prompts.core")
				}
				fmt.Fprintf(w, "%s  %s  %s  %s  %s  %s  %s\n", r.Part, r.Stage, r.ID, r.Kind, core, r.Source, oneLine(r.Prompt))
			}
			if guide.Note != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.prompts.note", "Note", guide.Note))
			}
			if p := coach.ActivePack(); p != nil {
				fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.prompts.pack", "Name", oneLine(p.Name), "Version", oneLine(p.Version), "Path", p.Path))
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, json or toml (a prompt pack to edit)")
	cmd.AddCommand(newPromptsCheckCmd())
	return cmd
}

// writePackTOML writes the prompts in use, in every language, as a pack:
// the active pack's (with attend's own for any language it lacks), or
// attend's own, named so that an export says where they came from.
func writePackTOML(w io.Writer) error {
	name, version := "Our prompts", time.Now().Format("2006-01-02")
	if p := coach.ActivePack(); p != nil {
		name, version = p.Name, p.Version
	}
	langs := []string{coach.DefaultLang}
	for _, l := range coach.Languages() {
		if l != coach.DefaultLang {
			langs = append(langs, l)
		}
	}
	if p := coach.ActivePack(); p != nil {
		for _, l := range p.Langs() {
			if !contains(langs, l) {
				langs = append(langs, l)
			}
		}
	}
	var guides []*coach.Guide
	for _, l := range langs {
		g, err := coach.LoadGuide(l)
		if err != nil {
			return err
		}
		guides = append(guides, g)
	}
	bw := bufio.NewWriter(w)
	if err := coach.WritePack(bw, name, version, guides); err != nil {
		return err
	}
	return bw.Flush()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ---- attend prompts check FILE

func newPromptsCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE",
		Short: "Check a prompt pack, naming the line and field of every fault",
		Long: `check reads a prompt pack (as attend prompts --format toml writes it, then
edited) and lists every fault, one a line, with its line number and field.
It exits 0 and says which languages the pack holds when it is fine, 1 when
it is not. It checks the file it is given, whatever pack attend is using.`,
		Example: `  attend prompts check ours.toml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(wordsOf(cmd).T("cli.pack.check.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := wordsOf(cmd)
			p, err := readPack(args[0])
			var pe *coach.PackError
			if errors.As(err, &pe) {
				out := cmd.OutOrStdout()
				for _, f := range pe.Faults {
					fmt.Fprintf(out, "%s:%s\n", args[0], coach.SafeText(faultLine(f)))
				}
				return errors.New(counted(l, "cli.pack.faults", len(pe.Faults), "Path", args[0]))
			}
			if err != nil {
				return err
			}
			prompts := 0
			for _, g := range p.Guides {
				for _, st := range g.Stages {
					prompts += len(st.Items)
				}
			}
			fmt.Fprintln(cmd.OutOrStdout(), counted(l, "cli.pack.good", prompts, "Path", args[0], "Name", fmt.Sprintf("%q", p.Name),
				"Version", fmt.Sprintf("%q", p.Version), "Langs", fmt.Sprint(p.Langs())))
			return nil
		},
	}
}

// faultLine is a fault as FILE:LINE: FIELD: what, the way compilers say it.
func faultLine(f coach.PackFault) string {
	line := fmt.Sprintf("%d: ", f.Line)
	if f.Field != "" {
		line += f.Field + ": "
	}
	return line + f.Msg
}
