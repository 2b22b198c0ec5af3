package tui

import (
	"strings"

	"attend/coach"
)

// renderRecord styles a record made by coach.Markdown for the terminal. It
// only has to know the few shapes coach writes (headings, bold prompts,
// "_skipped_", task lines), and it keeps the words exactly as written.
func renderRecord(s Styles, md string, width int) string {
	var out []string
	wrap := s.Prompt.Width(width)
	for _, line := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(line, "# "):
			out = append(out, s.Person.Render(coach.MarkdownUnescape(strings.TrimPrefix(line, "# "))))
		case strings.HasPrefix(line, "## "):
			out = append(out, s.Title.Render(strings.ToUpper(strings.TrimPrefix(line, "## "))))
		case strings.HasPrefix(line, "### "): // a stage within a part
			out = append(out, s.Title.Render(strings.ToUpper(strings.TrimPrefix(line, "### "))))
		case len(line) > 2 && strings.HasPrefix(line, "_") && strings.HasSuffix(line, "._"): // a part's label
			out = append(out, s.Faint.Width(width).Render(strings.Trim(line, "_")))
		case strings.HasPrefix(line, "**"):
			// "**prompt**" or "**prompt**: value"
			rest := strings.TrimPrefix(line, "**")
			prompt, after, _ := strings.Cut(rest, "**")
			styled := s.Focused.Width(width).Render(coach.MarkdownUnescape(prompt) + styleInline(s, after))
			out = append(out, styled)
		case len(line) > 2 && line[0] == '_' && line[len(line)-1] == '_': // coach's own words ("skipped")
			out = append(out, s.Faint.Render("  "+strings.Trim(line, "_")))
		case strings.HasPrefix(line, "- [ ] ") || strings.HasPrefix(line, "- [x] "):
			out = append(out, wrap.Render("  "+coach.MarkdownUnescape(line[2:])))
		case line == "":
			out = append(out, "")
		default:
			out = append(out, wrap.Render(coach.MarkdownUnescape(line)))
		}
	}
	return strings.Join(out, "\n")
}

func styleInline(s Styles, after string) string {
	// " — _skipped_": coach's own word in italics (a typed underscore is
	// always escaped, so it cannot end a line like this).
	if strings.HasPrefix(after, " — _") && strings.HasSuffix(after, "_") && !strings.HasSuffix(after, "\\_") {
		return s.Faint.Render(strings.ReplaceAll(after, "_", ""))
	}
	return coach.MarkdownUnescape(after)
}

// reviewText is the record as the review screen shows it.
// A quick prep (full false) is counted, and its skipped prompts listed, as
// the review's header counts them: by the prompts it showed.
func reviewText(ctx *Context, p coach.Person, sess coach.Session, full bool) string {
	md := coach.Markdown(ctx.Guide, p, sess, coach.MarkdownOptions{ShowSkipped: true, Parts: []coach.Part{coach.PartPrep}, Lang: ctx.Msg, Quick: !full})
	return renderRecord(ctx.Styles, md, readWidth(ctx))
}
