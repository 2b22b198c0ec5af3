package coach

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"attend/coach/msg"
)

// MarkdownOptions shape a rendered record.
type MarkdownOptions struct {
	// ShowSkipped lists unanswered prompts as "skipped" (the review screen);
	// off, they are left out (a record to hand over).
	ShowSkipped bool
	// Parts are the parts to render, in session order whatever the order
	// given; none means all three. `attend show` renders only the meeting
	// record; the prep and reflection are private notes.
	Parts []Part
	// Lang is the language of the record's own words (headings, "skipped",
	// dates); nil is English. The prompts come from the guide.
	Lang *msg.Lang
	// Quick is a quick prep's review: only the prompts it showed (each
	// stage's core prompts, and any answered) are counted and listed as
	// skipped, as the review's own header counts them
	// (Session.ShownCompleteness); the others were never asked. Saved
	// sessions are shown without it.
	Quick bool
}

// completeness counts a part's answered prompts against those it shows.
func (o MarkdownOptions) completeness(g *Guide, s Session, p Part) (answered, total int) {
	if o.Quick && p == PartPrep {
		return s.ShownCompleteness(g, p, false)
	}
	return s.PartCompleteness(g, p)
}

func (o MarkdownOptions) shows(p Part) bool { return len(o.Parts) == 0 || slices.Contains(o.Parts, p) }

// words is the language the record is written in.
func (o MarkdownOptions) words() *msg.Lang {
	if o.Lang == nil {
		return english
	}
	return o.Lang
}

var english = msg.New("en")

// Markdown renders a session as a readable record: a heading per part, each
// labelled with what it is (private notes or the agreed record), a
// subheading per stage, each prompt in bold with the answer beneath,
// ratings as "3/5 (mixed), rated together".
func Markdown(g *Guide, p Person, s Session, opt MarkdownOptions) string {
	var b strings.Builder
	l := opt.words()
	fmt.Fprintf(&b, "# %s\n\n", l.T("md.title", "Name", mdLine(p.Name)))
	state := l.T("md.saved")
	switch {
	case s.IsDraft():
		state = l.T("md.draft")
	case s.IsAgreed():
		state = l.T("md.agreed")
	}
	// Each part shown is counted against its own prompts, and says which
	// it is: "10 of 12 record prompts answered" is what history's 10/12
	// means too (coach.Summary), and the prep's count is never mixed in.
	var counts []string
	for _, part := range Parts {
		if opt.shows(part) {
			a, t := opt.completeness(g, s, part)
			counts = append(counts, l.T("md.answered."+string(part), "Answered", a, "Count", t))
		}
	}
	if len(counts) > 1 { // shorter: "prompts answered: prep 5 of 20, record 6 of 12, …"
		counts = counts[:0]
		for _, part := range Parts {
			a, t := opt.completeness(g, s, part)
			counts = append(counts, l.T("md.answered.in."+string(part), "Answered", a, "Total", t))
		}
		counts = []string{l.T("md.answered.parts", "List", strings.Join(counts, ", "))}
	}
	fmt.Fprintf(&b, "%s\n", strings.Join(append([]string{l.Date(s.Date.Time()), state}, counts...), " · "))

	for _, part := range Parts {
		if !opt.shows(part) {
			continue
		}
		var body strings.Builder
		seen := map[string]bool{}
		for si, st := range g.Stages {
			if st.Part != part {
				continue
			}
			var sec strings.Builder
			for _, it := range g.StageItems(si) {
				seen[it.ID] = true
				renderItem(&sec, g, it, s, opt)
			}
			if sec.Len() == 0 {
				continue
			}
			fmt.Fprintf(&body, "\n### %s\n%s", st.Title, sec.String())
		}
		// Answers to prompts since retired, or from a prompt set this
		// version does not know, are still shown, with the question they
		// answered where it is known, so nothing written is ever hidden.
		var extra []string
		for id, a := range s.Answers(part) {
			if !seen[id] && !a.Empty() {
				extra = append(extra, id)
			}
		}
		if len(extra) > 0 {
			sort.Strings(extra)
			body.WriteString("\n### " + l.T("md.earlier") + "\n")
			for _, id := range extra {
				q := id
				if it, _, ok := g.Item(id); ok {
					q = s.PromptText(g, it)
				} else if t, ok := s.Asked[id]; ok {
					q = t
				}
				fmt.Fprintf(&body, "\n**%s**\n\n%s\n", mdLine(q), answerText(l, s.Answers(part)[id]))
			}
		}
		if part == PartRecord {
			writeAfterMeeting(&body, s, l)
		}
		if body.Len() == 0 && !opt.ShowSkipped {
			continue
		}
		info := g.Part(part)
		fmt.Fprintf(&b, "\n## %s\n\n_%s._\n%s", info.Title, info.Label, body.String())
	}
	return b.String()
}

func renderItem(b *strings.Builder, g *Guide, it Item, s Session, opt MarkdownOptions) {
	a := s.Answer(it.ID)
	if it.Hidden {
		// A prompt the pack hides shows only where it was answered, and
		// then where it was asked.
		if (it.Kind == KindActions && len(s.LiveActions()) == 0) || (it.Kind != KindActions && a.Empty()) {
			return
		}
		opt.ShowSkipped = false
	}
	if opt.Quick && !it.Core && PartOf(it.ID) == PartPrep {
		opt.ShowSkipped = false // a quick prep did not ask it
	}
	it.Prompt = s.PromptText(g, it)
	switch it.Kind {
	case KindActions:
		acts := s.LiveActions()
		if len(acts) == 0 {
			if opt.ShowSkipped {
				fmt.Fprintf(b, "\n**%s** — _%s_\n", it.Prompt, opt.words().T("md.noneyet"))
			}
			return
		}
		fmt.Fprintf(b, "\n**%s**\n\n", it.Prompt)
		for _, act := range acts {
			b.WriteString(mdActionLine(act, opt.words()) + "\n")
		}
	case KindRating:
		if a.Empty() {
			if opt.ShowSkipped {
				fmt.Fprintf(b, "\n**%s** — _%s_\n", it.Prompt, opt.words().T("md.skipped"))
			}
			return
		}
		rating := opt.words().T("rating.none")
		if a.Rating > 0 {
			rating = fmt.Sprintf("%d/%d (%s)", a.Rating, MaxRating, it.ScaleLabel(a.Rating))
			if PartOf(it.ID) == PartRecord {
				if a.Together {
					rating += ", " + opt.words().T("rating.together")
				} else {
					rating += ", " + opt.words().T("rating.yourview")
				}
			}
		}
		fmt.Fprintf(b, "\n**%s** — %s\n", it.Prompt, rating)
		if t := strings.TrimSpace(a.Text); t != "" {
			fmt.Fprintf(b, "\n%s\n", mdText(t))
		}
	case KindDate:
		if t := strings.TrimSpace(a.Text); a.Date.IsZero() && t != "" {
			// Words attend could not read as a date ("in six weeks or
			// so") are kept: the record shows them as they were typed.
			fmt.Fprintf(b, "\n**%s** — %s\n", it.Prompt, opt.words().T("md.notadate", "Typed", mdText(t)))
			return
		}
		if a.Date.IsZero() {
			if opt.ShowSkipped {
				fmt.Fprintf(b, "\n**%s** — _%s_\n", it.Prompt, opt.words().T("date.notset"))
			}
			return
		}
		fmt.Fprintf(b, "\n**%s** — %s\n", it.Prompt, opt.words().Date(a.Date.Time()))
	default:
		t := strings.TrimSpace(a.Text)
		if t == "" {
			if opt.ShowSkipped {
				fmt.Fprintf(b, "\n**%s** — _%s_\n", it.Prompt, opt.words().T("md.skipped"))
			}
			return
		}
		fmt.Fprintf(b, "\n**%s**\n\n%s\n", it.Prompt, mdText(t))
	}
}

// mdText renders what the manager wrote so that any Markdown viewer shows
// it as they wrote it, and nothing in it runs: characters text may not hold
// become visible escapes (SafeText); every character Markdown reads as
// markup (\ ` * _ [ ] < > # | ~ &) is backslash-escaped, so no link, image,
// HTML, entity or code fence can form; a line that would start a heading,
// list or quote is escaped; and each line break stays a break (a trailing
// backslash).
func mdText(t string) string {
	lines := strings.Split(SafeText(t), "\n")
	for i, l := range lines {
		l = mdLineStart(mdInline(l))
		if i < len(lines)-1 && strings.TrimSpace(l) != "" && strings.TrimSpace(lines[i+1]) != "" {
			l += "\\"
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// mdLine is mdText for text that must stay on one line (a name in a
// heading, a prompt id, an action): line breaks become spaces.
func mdLine(t string) string {
	return mdLineStart(mdInline(strings.ReplaceAll(SafeText(t), "\n", " ")))
}

// MarkdownEscape returns text for one line of a Markdown document (a
// heading, say): characters text may not hold made visible, line breaks as
// spaces and every markup character escaped, as Markdown does for names.
func MarkdownEscape(t string) string { return mdLine(t) }

// mdSpecial are the characters mdInline escapes wherever they are.
const mdSpecial = "\\`*_[]<>#|~&"

// mdInline backslash-escapes every Markdown markup character in s.
func mdInline(s string) string {
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLineStart escapes what only means something at the start of a line,
// after mdInline: a list or setext marker (- + =) and an ordered-list
// number ("1." or "1)").
func mdLineStart(l string) string {
	trimmed := strings.TrimLeft(l, " \t")
	if trimmed == "" {
		return l
	}
	indent := l[:len(l)-len(trimmed)]
	switch c := trimmed[0]; {
	case c == '-' || c == '+' || c == '=':
		return indent + "\\" + trimmed
	case c >= '0' && c <= '9':
		j := 0
		for j < len(trimmed) && trimmed[j] >= '0' && trimmed[j] <= '9' {
			j++
		}
		if j < len(trimmed) && (trimmed[j] == '.' || trimmed[j] == ')') {
			return indent + trimmed[:j] + "\\" + trimmed[j:]
		}
	}
	return l
}

// MarkdownUnescape undoes mdText's escapes in one line of a record: a
// backslash before ASCII punctuation goes, and so does a trailing backslash
// line break. For showing a record (coach.Markdown) as plain words in the
// terminal; SafeText's visible escapes (\x1b) stay as they are.
func MarkdownUnescape(line string) string {
	line = strings.TrimSuffix(line, "\\")
	if !strings.Contains(line, "\\") {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' && i+1 < len(line) && strings.IndexByte("\\`*_[]<>#|~&-+=.)", line[i+1]) >= 0 {
			i++
		}
		b.WriteByte(line[i])
	}
	return b.String()
}

// ActionLine renders an action as a task line, for the terminal: its words
// are as written, with anything hidden made visible (SafeText).
func ActionLine(a Action) string { return ActionLineIn(a, english) }

// ActionLineIn is ActionLine in a language.
func ActionLineIn(a Action, l *msg.Lang) string {
	return actionLine(a, l, func(s string) string { return strings.ReplaceAll(SafeText(s), "\n", " ") })
}

// mdActionLine is ActionLine for a Markdown record: its words escaped.
func mdActionLine(a Action, l *msg.Lang) string { return actionLine(a, l, mdLine) }

func actionLine(a Action, l *msg.Lang, text func(string) string) string {
	box := "[ ]"
	if a.Status == ActionDone {
		box = "[x]"
	}
	line := fmt.Sprintf("- %s %s (%s", box, text(strings.TrimSpace(a.Text)), l.T("owner."+string(a.Owner)))
	if !a.Due.IsZero() {
		line += ", " + l.T("md.by", "Date", l.Date(a.Due.Time()))
	}
	line += ")"
	// A follow-up is dated, so closing an action on an agreed record is
	// never a silent edit of it.
	switch a.Status {
	case ActionDone:
		if !a.Closed.IsZero() {
			line += " — " + l.T("md.doneon", "Date", l.Date(a.Closed))
		}
		if a.Outcome != "" {
			line += ", " + l.T("outcome."+string(a.Outcome))
		}
	case ActionDropped:
		line += " — " + l.T("actions.state.dropped")
		if !a.Closed.IsZero() {
			line += " " + l.Date(a.Closed)
		}
		if a.Reason != "" {
			line += ": " + text(a.Reason)
		}
	}
	return line
}

func answerText(l *msg.Lang, a Answer) string {
	var parts []string
	if a.Rating > 0 {
		parts = append(parts, fmt.Sprintf("%d/%d", a.Rating, MaxRating))
	}
	if !a.Date.IsZero() {
		parts = append(parts, dateIn(l, a.Date))
	}
	if t := strings.TrimSpace(a.Text); t != "" {
		parts = append(parts, mdText(t))
	}
	return strings.Join(parts, "\n\n")
}
