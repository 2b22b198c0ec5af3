package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// detailMsg carries a saved session and its person, read for the detail view.
type detailMsg struct {
	person  coach.Person
	session coach.Session
	err     error
}

func loadDetail(st Store, sessionID, personID string) tea.Cmd {
	return func() tea.Msg {
		s, err := st.Session(sessionID)
		if err != nil {
			return detailMsg{session: coach.Session{ID: sessionID}, err: err}
		}
		p, err := st.Person(personID)
		return detailMsg{person: p, session: s, err: err}
	}
}

// detailScreen shows one saved session as a readable record: a heading per
// stage, ratings as dots, scrollable. From here the record is completed
// after the meeting, agreed, and corrected with dated notes.
type detailScreen struct {
	id        string // the session shown
	loaded    bool
	person    coach.Person
	session   coach.Session
	vp        viewport.Model
	width     int      // the width the record was rendered for
	at        string   // the item to scroll to once read (a search hit), if any
	words     []string // the search's words: the first line holding them is marked
	atPrivate bool     // the hit is in the private notes: scroll there once they are shown

	private      bool           // showing your prep and reflection too
	confirmAgree bool           // asking before marking the record agreed
	readOnlySaid bool           // r was pressed on an agreed record: say why nothing opens
	emptySaid    bool           // a was pressed on an empty record: say why it is not agreed
	adding       bool           // writing an addendum
	addendum     textarea.Model // its text
}

// pushDetail opens a saved session.
func pushDetail(ctx *Context, sessionID, personID string) tea.Cmd {
	return pushDetailHit(ctx, coach.Hit{Summary: coach.Summary{ID: sessionID, PersonID: personID}}, nil)
}

// pushDetailHit opens the session of a search hit, scrolled to its first
// match, marked; words are the search's (coach.SearchTerms). A match in
// the private notes is not shown until they are asked for (p): until then
// a notice says where it is.
func pushDetailHit(ctx *Context, hit coach.Hit, words []string) tea.Cmd {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{}
	ta := newTextArea(ctx.Keys)
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = coach.MaxAnswerLen
	ta.Placeholder = ctx.T("detail.note.placeholder")
	ta.SetHeight(4)
	ta.SetStyles(ctx.Styles.TextArea)
	d := &detailScreen{id: hit.Summary.ID, vp: vp, addendum: ta, at: hit.ItemID, words: words, atPrivate: hit.Private}
	if hit.Private && hit.ItemID != "" {
		ctx.Notice(ctx.T("detail.matchprivate"))
	}
	ctx.Push(d)
	return loadDetail(ctx.Store, hit.Summary.ID, hit.Summary.PersonID)
}

func (d *detailScreen) Typing() bool { return d.adding }

func (d *detailScreen) Title(ctx *Context) Title {
	if !d.loaded {
		return Title{Label: ctx.T("title.session")}
	}
	return Title{Person: d.person.Name, State: ctx.Styles.Faint.Render(ctx.Date(d.session.Date))}
}

func (d *detailScreen) restyle(s Styles) {
	d.addendum.SetStyles(s.TextArea)
	d.width = 0 // render the record again in the new colours
}

func (d *detailScreen) Resize(ctx *Context, height int) {
	d.addendum.SetWidth(max(20, readWidth(ctx)-4))
	d.vp.SetWidth(bodyWidth(ctx))
	d.vp.SetHeight(max(1, height-1))
	if d.loaded && d.width != readWidth(ctx) {
		d.render(ctx)
	}
}

// render lays the record out for the window, and scrolls to the item a
// search found, the first time.
func (d *detailScreen) render(ctx *Context) {
	d.width = readWidth(ctx)
	// The record is what they agree; your prep and reflection show only
	// when asked for, labelled.
	opt := coach.MarkdownOptions{Parts: []coach.Part{coach.PartRecord}, Lang: ctx.Msg}
	if d.private {
		opt.Parts = nil // every part
	}
	md := coach.Markdown(ctx.Guide, d.person, d.session, opt)
	text := renderRecord(ctx.Styles, md, d.width)
	if !d.private && len(d.session.Answers(coach.PartRecord)) == 0 && len(d.session.LiveActions()) == 0 {
		text += "\n\n" + ctx.Styles.Subtle.Width(d.width).Render(ctx.T("detail.empty", "Name", d.person.Name))
	}
	lines := strings.Split(text, "\n")
	plain := strings.Split(ansi.Strip(text), "\n")
	from := d.itemLine(ctx, plain)
	match := -1
	if len(d.words) > 0 && (!d.atPrivate || d.private) {
		match = matchLine(plain, d.words, from)
		if match >= 0 {
			// The line found is marked: its matching words as search shows them.
			lines[match] = highlightIn(ctx.Styles.Prompt, ctx.Styles.Highlight, plain[match], d.words)
		}
	}
	d.vp.SetContent(strings.Join(lines, "\n"))
	if d.at == "" || d.atPrivate && !d.private {
		return
	}
	// Scrolled to the item's heading, so the question shows above the
	// match, unless the match is further down than the window reaches.
	switch {
	case match >= 0 && (from < 0 || match-from >= d.vp.Height()-1):
		d.vp.SetYOffset(max(0, match-1))
	case from >= 0:
		d.vp.SetYOffset(from)
	}
	d.at = ""
}

// itemLine is the line of the rendered record (plain) where the item a
// search hit names begins, or -1.
func (d *detailScreen) itemLine(ctx *Context, plain []string) int {
	if d.at == "" {
		return -1
	}
	want := ""
	switch d.at {
	case "record", "addendum":
		want = strings.ToUpper(ctx.T("md.agreement"))
	case "action":
		for _, st := range ctx.Guide.Stages {
			for _, it := range st.Items {
				if it.Kind == coach.KindActions {
					want = d.session.PromptText(ctx.Guide, it)
				}
			}
		}
	default:
		if it, _, ok := ctx.Guide.Item(d.at); ok {
			want = d.session.PromptText(ctx.Guide, it)
		} else {
			want = d.session.Asked[d.at]
		}
	}
	want = ansi.Truncate(strings.Join(strings.Fields(want), " "), 30, "")
	if want == "" {
		return -1
	}
	for i, line := range plain {
		if strings.HasPrefix(strings.TrimSpace(line), want) {
			return i
		}
	}
	return -1
}

// matchLine is the first line from `from` (or, failing that, from the
// top) holding a word that one of words starts, or -1.
func matchLine(plain []string, words []string, from int) int {
	for _, start := range []int{max(from, 0), 0} {
		for i := start; i < len(plain); i++ {
			if len(coach.MatchSpans(plain[i], words)) > 0 {
				return i
			}
		}
	}
	return -1
}

func (d *detailScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case detailMsg:
		if msg.session.ID != d.id {
			return nil
		}
		if msg.err != nil {
			ctx.Problem(errText(ctx, ctx.T("detail.err.open"), msg.err))
			ctx.Pop()
			return nil
		}
		d.set(ctx, msg.person, msg.session)
	case partSavedMsg:
		// The record or reflection written above (even after its form was
		// left): show the session as it now is, so the next form opened
		// from here starts from it, not from what it was before.
		if msg.err == nil && msg.sessionID == d.id && d.loaded {
			d.set(ctx, d.person, msg.session)
		}
	case recordSavedMsg:
		if msg.err != nil {
			if msg.what == "record" || msg.what == "addendum" || msg.what == "agreed" {
				ctx.Problem(errText(ctx, ctx.T("detail.err.save"), msg.err))
			}
			return nil
		}
		if msg.session.ID != d.id {
			return nil
		}
		d.set(ctx, d.person, msg.session)
		switch msg.what {
		case "record":
			ctx.Notice(ctx.T("detail.saved", "Name", d.person.Name))
		case "agreed":
			ctx.Notice(ctx.T("detail.agreed", "Name", d.person.Name, "Date", ctx.Date(msg.session.Agreed)))
		case "addendum":
			d.vp.GotoBottom() // where the new note is
			ctx.Notice(ctx.T("detail.noted"))
		}
	case tea.PasteMsg:
		if d.adding {
			var cmd tea.Cmd
			d.addendum, cmd = d.addendum.Update(msg)
			return cmd
		}
	case tea.KeyPressMsg:
		return d.key(ctx, msg)
	}
	return nil
}

func (d *detailScreen) set(ctx *Context, p coach.Person, s coach.Session) {
	d.loaded = true
	d.person, d.session = p, s
	d.render(ctx)
}

func (d *detailScreen) key(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	r, l, f := ctx.Keys.Record, ctx.Keys.List, ctx.Keys.Form
	if d.adding {
		switch {
		case key.Matches(msg, f.Cancel):
			d.adding = false
			d.addendum.Reset()
			return nil
		case key.Matches(msg, r.AddNote):
			text := d.addendum.Value()
			if strings.TrimSpace(text) == "" {
				return nil
			}
			d.adding = false
			d.addendum.Reset()
			return addAddendum(ctx.Store, d.session.ID, text)
		}
		var cmd tea.Cmd
		d.addendum, cmd = d.addendum.Update(msg)
		return cmd
	}
	if !d.loaded {
		if key.Matches(msg, l.Back) {
			ctx.Pop()
		}
		return nil
	}
	d.readOnlySaid, d.emptySaid = false, false
	if d.confirmAgree {
		d.confirmAgree = false
		if key.Matches(msg, f.Confirm) {
			return agreeSession(ctx.Store, d.session.ID, ctx.Today())
		}
		return nil
	}
	agreed := d.session.IsAgreed()
	switch {
	case key.Matches(msg, l.Back):
		ctx.Pop()
	case key.Matches(msg, r.Complete) && agreed:
		d.readOnlySaid = true
	case key.Matches(msg, r.Complete):
		ctx.Push(newAfterForm(ctx, coach.PartRecord, d.person, d.session))
	case key.Matches(msg, r.Reflect):
		ctx.Push(newAfterForm(ctx, coach.PartReflection, d.person, d.session))
	case key.Matches(msg, r.Private):
		d.private = !d.private
		d.vp.GotoTop() // where your prep begins, or the match in it
		d.render(ctx)
	case key.Matches(msg, r.Agree) && !agreed && !d.session.RecordWritten():
		// Nothing to agree: agreeing would lock an empty record for good
		// (r said read-only after, and home still said "no session yet").
		d.emptySaid = true
	case key.Matches(msg, r.Agree) && !agreed && d.private:
		// They are about to read it: hide your private notes first.
		d.private = false
		d.render(ctx)
		d.confirmAgree = true
	case key.Matches(msg, r.Agree) && !agreed:
		d.confirmAgree = true
	case key.Matches(msg, r.Addendum) && agreed:
		d.adding = true
		return d.addendum.Focus()
	default:
		scroll(&d.vp, msg, l)
	}
	return nil
}

func (d *detailScreen) View(ctx *Context, height int) string {
	s := ctx.Styles
	if !d.loaded {
		return loading(ctx, height)
	}
	w := readWidth(ctx)
	pos := s.Faint.Render(fmt.Sprintf("%d%%", int(d.vp.ScrollPercent()*100)))
	state := ctx.T("detail.state.saved")
	if d.session.IsAgreed() {
		state = ctx.T("detail.state.agreed", "Date", ctx.Date(d.session.Agreed))
	}
	head := spread(s.Title.Render(state), pos, w)
	var prompt []string
	switch {
	case d.confirmAgree:
		prompt = wrapped(s.Warn, ctx.T("detail.confirm", "Name", d.person.Name), w)
	case d.adding:
		prompt = append([]string{s.Focused.Render(ctx.T("detail.note.title"))}, indent(d.addendum.View(), "  ")...)
	case d.readOnlySaid:
		prompt = wrapped(s.Warn, ctx.T("detail.readonly", "Date", ctx.Date(d.session.Agreed)), w)
	case d.emptySaid:
		prompt = wrapped(s.Warn, ctx.T("detail.agree.empty", "Name", d.person.Name), w)
	}
	// The record gives up its last lines to a prompt while one is showing.
	record := strings.Split(d.vp.View(), "\n")
	record = record[:max(0, min(len(record), height-1-len(prompt)))]
	parts := append(append([]string{head}, record...), prompt...)
	return fitHeight(strings.Join(parts, "\n"), height)
}

func (d *detailScreen) Keys(ctx *Context) bindings {
	r, l, f := ctx.Keys.Record, ctx.Keys.List, ctx.Keys.Form
	switch {
	case d.adding:
		return bindings{context: []key.Binding{r.AddNote, f.Cancel}, full: [][]key.Binding{{r.AddNote, f.Cancel}}}
	case d.confirmAgree:
		no := f.Cancel
		no.SetHelp(ctx.T("key.anykey"), ctx.T("key.cancel"))
		return bindings{context: []key.Binding{f.Confirm, no}, full: [][]key.Binding{{f.Confirm, no}}}
	case !d.loaded:
		return bindings{short: []key.Binding{l.Back}, full: [][]key.Binding{{l.Back}}}
	}
	ctxKeys := []key.Binding{r.Complete, r.Agree, r.Reflect, r.Private}
	if d.session.IsAgreed() {
		ctxKeys = []key.Binding{r.Addendum, r.Reflect, r.Private}
	}
	if d.private {
		ctxKeys[len(ctxKeys)-1].SetHelp("p", ctx.T("key.hideprivate"))
	}
	scroll := []key.Binding{l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom}
	return bindings{context: ctxKeys, short: []key.Binding{l.Up, l.Down, l.Back}, full: [][]key.Binding{ctxKeys, scroll, {l.Back}}}
}
