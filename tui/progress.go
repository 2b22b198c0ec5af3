package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// stageMark is how far a stage has got, for the progress line.
type stageMark int

const (
	stageTodo  stageMark = iota // nothing answered yet
	stageDone                   // something answered
	stageCheck                  // something typed that attend could not read, such as a date "31/2"
)

// progressView shows every stage by name and where the manager is:
// "✓" for stages with an answer, "!" for one holding something attend
// could not read (a tick there would say the date was set), "●" for the
// current one, "○" for the rest. The markers carry the meaning, so it reads
// the same without colour. Steps wrap onto a second line when the window
// is narrow.
func progressView(s Styles, titles []string, current int, mark func(int) stageMark, width int) string {
	var parts []string
	for i, t := range titles {
		switch {
		case i == current:
			parts = append(parts, s.StageCurrent.Render("● "+t))
		case mark(i) == stageCheck:
			parts = append(parts, s.Warn.Render("! "+t))
		case mark(i) == stageDone:
			parts = append(parts, s.StageDone.Render("✓ "+t))
		default:
			parts = append(parts, s.StageTodo.Render("○ "+t))
		}
	}
	sep := s.Faint.Render("  ")
	var lines []string
	var line string
	for _, p := range parts {
		if line == "" {
			line = p
			continue
		}
		if lipgloss.Width(line)+lipgloss.Width(sep)+lipgloss.Width(p) > width {
			lines = append(lines, line)
			line = p
			continue
		}
		line += sep + p
	}
	lines = append(lines, line)
	return strings.Join(lines, "\n")
}
