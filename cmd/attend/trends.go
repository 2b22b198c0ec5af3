package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
)

func newTrendsCmd(o *options) *cobra.Command {
	var plain bool
	cmd := &cobra.Command{
		Use:   "trends NAME",
		Short: "Show one person's core needs, workload and your check-in over time",
		Long: `trends prints, for autonomy, belonging, competence, workload and your own
energy at check-in, the ratings from oldest to newest as a small chart
(▁ for 1 up to █ for 5), the latest rating with its label, and the dates
covered. With --plain, or when stdout is not a terminal, the ratings are
digits (1 to 5) instead.`,
		Example: `  attend trends sian
  attend trends "Siân Ŵyn" --plain`,
		Args: o.oneName("cli.trends.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, guide, p, err := o.openPerson(args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			sums, _, err := st.Summaries(p.ID, "", 0)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if !isTerminal(out) {
				plain = true
			}
			w := bufio.NewWriter(out)
			writeTrends(w, guide, p, sums, plain)
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&plain, "plain", false, "digits instead of a chart")
	return cmd
}

// writeTrends prints one line per trend item, in the guide's language.
func writeTrends(w io.Writer, guide *coach.Guide, p coach.Person, sums []coach.Summary, plain bool) {
	l := msg.New(guide.Lang)
	fmt.Fprintf(w, "%s: %s\n", coach.SafeText(p.Name), counted(l, "cli.trends.sessions", len(sums)))
	labels := make([]string, len(trendItems))
	width := 0
	for i, id := range trendItems {
		labels[i] = l.T("cli.trends.row." + id)
		width = max(width, len([]rune(labels[i])))
	}
	for i, id := range trendItems {
		label := labels[i] + strings.Repeat(" ", width-len([]rune(labels[i])))
		pts := coach.Series(sums, id)
		if len(pts) == 0 {
			fmt.Fprintf(w, "%s  %s\n", label, l.T("cli.trends.notrated"))
			continue
		}
		shown := pts
		if len(shown) > maxSpark {
			shown = shown[len(shown)-maxSpark:]
		}
		var b strings.Builder
		for _, pt := range shown {
			r := min(max(pt.Rating, 1), coach.MaxRating)
			if plain {
				b.WriteByte(byte('0' + r))
			} else {
				b.WriteRune(sparkChars[r-1])
			}
		}
		last := pts[len(pts)-1]
		latest := fmt.Sprint(last.Rating)
		if item, _, ok := guide.Item(id); ok {
			if l := item.ScaleLabel(last.Rating); l != "" {
				latest += " " + l
			}
		}
		span := l.T("cli.trends.span", "From", shown[0].Date.String(), "To", last.Date.String())
		if len(shown) == 1 {
			span = last.Date.String()
		}
		note := ""
		if len(shown) < len(pts) {
			note = l.T("cli.trends.latestof", "Shown", len(shown), "All", len(pts))
		}
		fmt.Fprintln(w, l.T("cli.trends.line", "Label", label, "Chart", b.String(), "Latest", latest, "Span", span, "Note", note))
	}
	writeOutcomes(w, l, sums)
}

// writeOutcomes prints whether the help agreed and done helped, counted over
// every session, with the latest session that has an answer.
func writeOutcomes(w io.Writer, l *msg.Lang, sums []coach.Summary) {
	pts := coach.OutcomeSeries(sums)
	if len(pts) == 0 {
		fmt.Fprintf(w, "%s  %s\n", l.T("cli.trends.didit"), l.T("cli.trends.nooutcomes"))
		return
	}
	total := map[coach.Outcome]int{}
	for _, pt := range pts {
		for o, n := range pt.Outcomes {
			total[o] += n
		}
	}
	var parts []string
	for _, o := range coach.Outcomes {
		parts = append(parts, fmt.Sprintf("%s %d", outcomeText(l, o), total[o]))
	}
	fmt.Fprintf(w, "%s  %s  (%s)\n", l.T("cli.trends.didit"), strings.Join(parts, " · "), l.T("cli.trends.span", "From", pts[0].Date.String(), "To", pts[len(pts)-1].Date.String()))
}

// trendItems are the ratings trends shows; each one's short label is the
// message cli.trends.row.ID.
var trendItems = []string{"needs.autonomy", "needs.belonging", "needs.competence", "needs.workload", "checkin.energy", "reflect.leaving"}

// sparkChars draw ratings 1 to 5.
var sparkChars = []rune("▁▃▄▆█")

// maxSpark is how many of the latest ratings one sparkline shows.
const maxSpark = 60
