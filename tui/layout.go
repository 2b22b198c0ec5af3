package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Text wider than this is hard to read, however wide the window.
const maxReadWidth = 100

// Below this height screens drop their extra lines (progress, guidance).
const compactHeight = 20

// Narrower than this, screens drop secondary columns.
const narrowWidth = 60

// bodyWidth is the usable width inside the app padding.
func bodyWidth(ctx *Context) int { return max(20, ctx.Width-2) }

func readWidth(ctx *Context) int { return min(bodyWidth(ctx), maxReadWidth) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func indent(block, pad string) []string {
	lines := strings.Split(block, "\n")
	for i := range lines {
		lines[i] = pad + lines[i]
	}
	return lines
}

// spread puts left and right on one line of the given width.
func spread(left, right string, width int) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left+" "+right, width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// fitHeight pads or cuts s to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// wrapped renders text in a style, wrapped to width, as lines.
func wrapped(st lipgloss.Style, text string, width int) []string {
	return strings.Split(st.Width(max(1, width)).Render(text), "\n")
}

// loading is what a screen shows while its data is read.
func loading(ctx *Context, height int) string {
	return fitHeight("\n"+ctx.Styles.Subtle.Render(ctx.T("app.reading")), height)
}
