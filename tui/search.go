package tui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"attend/coach"
)

// Searcher is what search as you type needs from the store.
type Searcher interface {
	Search(q coach.SearchQuery) ([]coach.Hit, error)
}

// searchMsg carries the hits for one query; gen drops answers to queries
// the manager has already typed past.
type searchMsg struct {
	gen  int
	hits []coach.Hit
	err  error
}

func runSearch(st Store, q coach.SearchQuery, gen int) tea.Cmd {
	return func() tea.Msg {
		hits, err := st.Search(q)
		return searchMsg{gen: gen, hits: hits, err: err}
	}
}

// parseSearch splits what was typed into words and date filters:
// "rota since:1/9 until:+0d" looks for "rota" between 1 September and today.
func parseSearch(in string, today coach.Date) (q coach.SearchQuery, problem string) {
	var words []string
	for _, f := range strings.Fields(in) {
		low := strings.ToLower(f)
		switch {
		case strings.HasPrefix(low, "since:") || strings.HasPrefix(low, "until:"):
			d, err := coach.ParseDate(f[6:], today)
			if err != nil || d.IsZero() {
				problem = "“" + f + "” is not a date filter attend can read (try since:1/9)"
				continue
			}
			if low[0] == 's' {
				q.Since = d
			} else {
				q.Until = d
			}
		default:
			words = append(words, f)
		}
	}
	q.Text = strings.Join(words, " ")
	return q, problem
}

// highlight marks the words of text that a query word starts (ignoring
// case and accents), keeping the text exactly as written.
func highlight(s Styles, text string, words []string) string {
	if len(words) == 0 {
		return s.Preview.Render(text)
	}
	mark := lipgloss.NewStyle().Bold(true).Underline(true).Foreground(s.Title.GetForeground())
	var b strings.Builder
	runes := []rune(text)
	for i := 0; i < len(runes); {
		j := i
		if unicode.IsLetter(runes[i]) || unicode.IsDigit(runes[i]) {
			for j < len(runes) && (unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j]) || unicode.Is(unicode.Mn, runes[j])) {
				j++
			}
			word := string(runes[i:j])
			folded := coach.Fold(word)
			hit := false
			for _, w := range words {
				if strings.HasPrefix(folded, w) {
					hit = true
					break
				}
			}
			if hit {
				b.WriteString(mark.Render(word))
			} else {
				b.WriteString(s.Preview.Render(word))
			}
			i = j
			continue
		}
		for j < len(runes) && !(unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j])) {
			j++
		}
		b.WriteString(s.Preview.Render(string(runes[i:j])))
		i = j
	}
	return b.String()
}

// stageTitle names where a hit was found, in the guide's words.
func stageTitle(g *coach.Guide, h coach.Hit) string {
	switch h.Stage {
	case "record":
		return "After the meeting"
	case "actions":
		return "Actions"
	}
	if i := g.StageIndex(h.Stage); i >= 0 {
		return g.Stages[i].Title
	}
	return h.Stage
}
