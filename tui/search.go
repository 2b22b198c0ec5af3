package tui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// searchLimit is how many hits a search shows.
const searchLimit = 200

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

// searchBox is search as you type, for the history screen: a query field
// and its hits, as a list of its own.
type searchBox struct {
	personID string
	typing   bool
	query    textinput.Model
	gen      int  // the latest query sent; older answers are dropped
	inFlight bool // a search is running: at most one at a time
	queued   bool // the query changed while it ran: send it when it returns
	hits     []coach.Hit
	searched bool // hits are for the current query
	problem  string
	list     listNav
	room     int
}

func newSearchBox(ctx *Context, personID string) searchBox {
	q := newTextInput(ctx.Keys)
	q.Prompt = ctx.T("search.prompt")
	q.Placeholder = ctx.T("search.placeholder")
	q.CharLimit = 200
	q.SetWidth(48)
	q.SetStyles(ctx.Styles.Input)
	return searchBox{personID: personID, query: q}
}

// active reports whether the list shows search hits.
func (b *searchBox) active() bool { return strings.TrimSpace(b.query.Value()) != "" }

func (b *searchBox) focus() tea.Cmd {
	b.typing = true
	return b.query.Focus()
}

func (b *searchBox) clear() {
	b.typing = false
	b.query.Reset()
	b.query.Blur()
	b.hits, b.searched, b.problem = nil, false, ""
	b.list = listNav{}
}

// key handles a key while searching. It reports the hit to open, if any.
func (b *searchBox) key(ctx *Context, msg tea.KeyPressMsg) (*coach.Hit, tea.Cmd) {
	f, l := ctx.Keys.Form, ctx.Keys.List
	if b.typing {
		switch {
		case key.Matches(msg, f.Cancel):
			b.clear()
			return nil, nil
		case key.Matches(msg, f.Submit), key.Matches(msg, l.Down) && msg.Text == "":
			b.typing = false
			b.query.Blur()
			return nil, nil
		}
		return nil, b.edit(ctx, msg)
	}
	if b.list.key(msg, l, len(b.hits), b.room) {
		return nil, nil
	}
	switch {
	case key.Matches(msg, l.ClearFind):
		b.clear()
	case key.Matches(msg, l.Find):
		return nil, b.focus()
	case key.Matches(msg, l.Open):
		if b.list.cursor < len(b.hits) {
			h := b.hits[b.list.cursor]
			return &h, nil
		}
	}
	return nil, nil
}

// edit passes a key or paste to the query, and searches if it changed.
func (b *searchBox) edit(ctx *Context, msg tea.Msg) tea.Cmd {
	before := b.query.Value()
	var cmd tea.Cmd
	b.query, cmd = b.query.Update(msg)
	if b.query.Value() != before {
		return tea.Batch(cmd, b.run(ctx))
	}
	return cmd
}

// run sends the current query; the cursor goes back to the first hit.
func (b *searchBox) run(ctx *Context) tea.Cmd {
	b.list = listNav{}
	return b.rerun(ctx)
}

// rerun sends the query again, keeping the cursor where it is (coming back
// from a record opened from the results).
func (b *searchBox) rerun(ctx *Context) tea.Cmd {
	b.gen++
	q, problem := parseSearch(b.query.Value(), ctx.Today())
	b.problem = problem
	if strings.TrimSpace(q.Text) == "" && q.Since.IsZero() && q.Until.IsZero() {
		b.hits, b.searched = nil, false
		return nil
	}
	q.PersonID = b.personID
	q.Limit = searchLimit
	if b.inFlight {
		b.queued = true
		return nil
	}
	b.inFlight = true
	return runSearch(ctx.Store, q, b.gen)
}

// setHits takes a search's answer, and sends the latest query if it changed
// meanwhile: on a very large file a search can outlast a keystroke, and
// searches must not pile up behind the typing.
func (b *searchBox) setHits(ctx *Context, msg searchMsg) tea.Cmd {
	b.inFlight = false
	if b.queued {
		b.queued = false
		b.gen-- // rerun counts it again
		return b.rerun(ctx)
	}
	if msg.gen != b.gen {
		return nil // an answer to a query typed past already
	}
	if msg.err != nil {
		ctx.Problem(errText(ctx, ctx.T("search.err"), msg.err))
		return nil
	}
	b.hits, b.searched = msg.hits, true
	b.list.clamp(len(b.hits))
	return nil
}

func (b *searchBox) keys(ctx *Context) (bindings, bool) {
	f, l := ctx.Keys.Form, ctx.Keys.List
	switch {
	case b.typing:
		keep := f.Submit
		keep.SetHelp("enter", ctx.T("key.keepResults"))
		clear := f.Cancel
		clear.SetHelp("esc", ctx.T("key.clear"))
		return bindings{context: []key.Binding{keep, clear}, full: [][]key.Binding{{keep, clear}}}, true
	case b.active():
		return bindings{context: []key.Binding{l.Open, l.Find, l.Up, l.Down, l.ClearFind},
			full: [][]key.Binding{{l.Open, l.Find, l.ClearFind}, {l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom}}}, true
	}
	return bindings{}, false
}

// view shows the query and its hits: where each was found and the matching
// words, highlighted, in a snippet cut around the match.
func (b *searchBox) view(ctx *Context, height int, top []string, w int) string {
	s := ctx.Styles
	out := append(top, b.query.View())
	q, _ := parseSearch(b.query.Value(), ctx.Today())
	words := q.Words()
	switch {
	case b.problem != "":
		out = append(out, wrapped(s.Warn, b.problem, w)...)
	case !b.searched && b.active():
		out = append(out, s.Faint.Render(ctx.T("search.searching")))
	case b.searched:
		n := len(b.hits)
		label := ctx.T("search.found", "Count", n)
		if n >= searchLimit {
			label = ctx.T("search.capped", "Count", searchLimit)
		}
		if n == 0 {
			label = ctx.T("search.nothing")
		}
		out = append(out, wrapped(s.Faint, label, w)...)
	default:
		out = append(out, wrapped(s.Faint, ctx.T("search.how"), w)...)
	}
	out = append(out, "")
	b.room = max(1, (height-len(out))/2)
	start, end := b.list.window(len(b.hits), b.room)
	for i := start; i < end; i++ {
		hit := b.hits[i]
		head := cell(ctx.Date(hit.Summary.Date), 15) + "  " + hit.Summary.PersonName + "  · " + stageTitle(ctx, hit)
		selected := i == b.list.cursor && !b.typing
		if !selected {
			head = s.Prompt.Render(head)
		}
		line := "    " + highlight(s, coach.Snippet(hit.Snippet, words, max(10, w-4)), words)
		if hit.Private {
			// Found in your prep or reflection: said, never shown here, as
			// the private notes are only ever shown when asked for (p).
			line = "    " + s.Faint.Render(ansi.Truncate(ctx.T("search.private"), max(10, w-4), "…"))
		}
		out = append(out, listRow(s, head, selected, w), line)
	}
	return fitHeight(strings.Join(out, "\n"), height)
}

// parseSearch reads a query: words, and since:/until: filters that lean to
// the past (coach.ParseSearch).
func parseSearch(in string, today coach.Date) (coach.SearchQuery, string) {
	return coach.ParseSearch(in, today)
}

// highlight marks the words of text that a query word starts (ignoring
// case and accents), keeping the text exactly as written.
func highlight(s Styles, text string, words []string) string {
	return highlightIn(s.Preview, s.Highlight, text, words)
}

// highlightIn is highlight with the text in style base and the marked
// words in style mark.
func highlightIn(base, mark lipgloss.Style, text string, words []string) string {
	if len(words) == 0 {
		return base.Render(text)
	}
	var b strings.Builder
	runes := []rune(text)
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(runes); {
		j := i
		if isWord(runes[i]) {
			for j < len(runes) && (isWord(runes[j]) || unicode.Is(unicode.Mn, runes[j])) {
				j++
			}
			word := string(runes[i:j])
			folded := coach.Fold(word)
			st := base
			for _, w := range words {
				if strings.HasPrefix(folded, w) {
					st = mark
					break
				}
			}
			b.WriteString(st.Render(word))
			i = j
			continue
		}
		for j < len(runes) && !isWord(runes[j]) {
			j++
		}
		b.WriteString(base.Render(string(runes[i:j])))
		i = j
	}
	return b.String()
}

// stageTitle names where a hit was found, in the guide's words.
func stageTitle(ctx *Context, h coach.Hit) string {
	g := ctx.Guide
	switch h.Stage {
	case "record":
		return ctx.T("search.inRecord")
	case "actions":
		return ctx.T("search.inActions")
	}
	if i := g.StageIndex(h.Stage); i >= 0 {
		return g.Stages[i].Title
	}
	return h.Stage
}
