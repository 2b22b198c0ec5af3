package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/data"
)

// addPartsCommands adds the commands around a session's three parts: the
// Last time brief before a meeting, and the prompt set itself.
func addPartsCommands(root *cobra.Command, g *globals) {
	root.AddCommand(newBriefCmd(g), newPromptsCmd(g))
}

// ---- attend brief

func newBriefCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "brief NAME",
		Short: "Last time, as Markdown: what to know before you go in",
		Long: `brief prints, as short Markdown to read on a phone or print before going in:
when you last met and how that stands against how often you meet; what they
said would help and whether it did; the actions you both agreed and how each
stands (done, and whether it helped, or still open); and their last core
needs and workload ratings beside the ones before. It shows nothing from
your private preparation or reflection.`,
		Example: `  attend brief sian
  attend brief "Siân Ŵyn" > sian-brief.md`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageError{errors.New(`brief takes one name, in quotes if it has spaces: attend brief "Siân Ŵyn"`)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			st, guide, err := g.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := personNamed(st, args[0], false)
			if err != nil {
				return err
			}
			sessions, err := personSessions(st, p.ID)
			if err != nil {
				return err
			}
			lt := coach.BuildLastTime(guide, p, sessions, today())
			_, err = io.WriteString(cmd.OutOrStdout(), coach.LastTimeMarkdown(lt))
			return err
		},
	}
}

// personSessions reads every saved session of one person.
func personSessions(st *data.Store, personID string) ([]coach.Session, error) {
	sums, _, err := st.Summaries(personID, "", 0)
	if err != nil {
		return nil, err
	}
	out := make([]coach.Session, 0, len(sums))
	for _, sum := range sums {
		s, err := st.Session(sum.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
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
		Use:   "prompts [--lang cy] [--format text|json]",
		Short: "List the prompts: part, stage, id, kind, whether core, and where each comes from",
		Long: `prompts lists every prompt attend asks, in order, for the language chosen
with --lang: its part (prep, before the meeting and private to you; record,
the meeting record you agree with them; reflection, after, private to you),
its stage, its id, its kind (text, rating, actions or date), whether it is
core (the quick prep shows only core prompts) and its source (the seed's
lines, the King's Fund ABC, 4x4x4 supervision, the domain brief).

As text, one prompt a line, fields separated by two spaces:

  PART  STAGE  ID  KIND  core|more  SOURCE  PROMPT`,
		Example: `  attend prompts
  attend prompts --lang cy --format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format is text or json, not %q", format)}
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
				core := "more"
				if r.Core {
					core = "core"
				}
				fmt.Fprintf(w, "%s  %s  %s  %s  %s  %s  %s\n", r.Part, r.Stage, r.ID, r.Kind, core, r.Source, oneLine(r.Prompt))
			}
			if guide.Note != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "note: %s\n", guide.Note)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text or json")
	return cmd
}
