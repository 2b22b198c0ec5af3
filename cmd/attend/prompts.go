package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"attend/coach"
)

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

func newPromptsCmd(o *options) *cobra.Command {
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
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			switch format {
			case "text", "json":
			case "toml":
				return writePackTOML(cmd.OutOrStdout())
			default:
				return usageError{errors.New(l.T("cli.prompts.format", "Format", fmt.Sprintf("%q", format)))}
			}
			guide, err := o.guide()
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
	cmd.AddCommand(newPromptsCheckCmd(o))
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
