package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// progressView shows every stage by name and where the manager is:
// "✓" for stages with an answer, "●" for the current one, "○" for the rest.
// The markers carry the meaning, so it reads the same without colour. Steps
// wrap onto a second line when the window is narrow.
func progressView(s Styles, titles []string, current int, done func(int) bool, width int) string {
	var parts []string
	for i, t := range titles {
		switch {
		case i == current:
			parts = append(parts, s.StageCurrent.Render("● "+t))
		case done(i):
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
