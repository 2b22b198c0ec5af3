package main

import (
	"io"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/data"
)

func newBriefCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "brief NAME",
		Short: "Last time, as Markdown: what to know before you go in",
		Long: `brief prints, as short Markdown to read on a phone or print before going in:
when you last met and how that stands against how often you meet; any dated
corrections (addenda) to the records it draws on; what they said would help
and whether it did; the actions you both agreed and how each stands (done,
and whether it helped, or still open); and their last core needs and
workload ratings beside the ones before. It shows nothing from your private
preparation or reflection.`,
		Example: `  attend brief sian
  attend brief "Siân Ŵyn" > sian-brief.md`,
		Args: o.oneName("cli.brief.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, guide, p, err := o.openPerson(args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			sessions, err := personSessions(st, p.ID)
			if err != nil {
				return err
			}
			lt := coach.BuildLastTime(guide, p, sessions, today())
			_, err = io.WriteString(cmd.OutOrStdout(), coach.LastTimeMarkdownIn(lt, o.words()))
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
