package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles is every style attend draws with, in one place. It is rebuilt when
// the terminal reports its background, so colours suit light and dark
// themes. Meaning never rests on colour alone (markers, brackets and words
// carry it too), so NO_COLOR terminals lose nothing but the tint.
type Styles struct {
	IsDark bool

	App       lipgloss.Style // outer padding
	Brand     lipgloss.Style // "attend" in the header
	Header    lipgloss.Style // header text beside the brand
	Person    lipgloss.Style // the person's name, always in view in a prep
	Title     lipgloss.Style // a stage or screen title
	Guidance  lipgloss.Style // the two lines under a stage title
	Subtle    lipgloss.Style // secondary text
	Faint     lipgloss.Style // hints, skipped answers
	Prompt    lipgloss.Style // an unfocused prompt
	Focused   lipgloss.Style // the focused prompt
	Answered  lipgloss.Style // the ✓ marker
	Preview   lipgloss.Style // a one-line preview of an answer
	Selected  lipgloss.Style // a selected row in a list
	RatingOn  lipgloss.Style
	RatingOff lipgloss.Style
	Field     lipgloss.Style // a focused single-line field
	Notice    lipgloss.Style // a calm confirmation
	Warn      lipgloss.Style // something needs attention
	Error     lipgloss.Style // something went wrong
	Highlight lipgloss.Style // a search match in a snippet

	// Rating tints a 1-5 rating: Rating[0] is "not rated", low is a warm
	// warning, high a calm green. The bar's height carries the value too.
	Rating [6]lipgloss.Style

	StageDone    lipgloss.Style
	StageCurrent lipgloss.Style
	StageTodo    lipgloss.Style

	Help     help.Styles
	TextArea textarea.Styles
	Input    textinput.Styles
}

// NewStyles builds the palette for a light or dark background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		accent = ld(lipgloss.Color("#2E6F5E"), lipgloss.Color("#7FC8A9")) // a calm green
		person = ld(lipgloss.Color("#6B3FA0"), lipgloss.Color("#C7A6F0"))
		text   = ld(lipgloss.Color("#1F2328"), lipgloss.Color("#E6E6E6"))
		subtle = ld(lipgloss.Color("#57606A"), lipgloss.Color("#A0A4A8"))
		faint  = ld(lipgloss.Color("#8C959F"), lipgloss.Color("#6E7378"))
		warn   = ld(lipgloss.Color("#9A6700"), lipgloss.Color("#E3B341"))
		bad    = ld(lipgloss.Color("#B42318"), lipgloss.Color("#FF7B72"))
		selBg  = ld(lipgloss.Color("#DDF4EA"), lipgloss.Color("#23372F"))
	)
	s := Styles{IsDark: isDark}
	s.App = lipgloss.NewStyle().Padding(0, 1)
	s.Brand = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Header = lipgloss.NewStyle().Foreground(subtle)
	s.Person = lipgloss.NewStyle().Bold(true).Foreground(person)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Guidance = lipgloss.NewStyle().Foreground(subtle).Italic(true)
	s.Subtle = lipgloss.NewStyle().Foreground(subtle)
	s.Faint = lipgloss.NewStyle().Foreground(faint)
	s.Prompt = lipgloss.NewStyle().Foreground(text)
	s.Focused = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.Answered = lipgloss.NewStyle().Foreground(accent)
	s.Preview = lipgloss.NewStyle().Foreground(subtle)
	s.Selected = lipgloss.NewStyle().Background(selBg).Foreground(text).Bold(true)
	s.RatingOn = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.RatingOff = lipgloss.NewStyle().Foreground(faint)
	s.Field = lipgloss.NewStyle().Foreground(text).Underline(true)
	s.Notice = lipgloss.NewStyle().Foreground(accent)
	s.Warn = lipgloss.NewStyle().Foreground(warn)
	s.Error = lipgloss.NewStyle().Foreground(bad).Bold(true)
	s.Highlight = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent)
	s.Rating[0] = lipgloss.NewStyle().Foreground(faint)
	for r := 1; r <= 5; r++ {
		c := accent
		switch {
		case r <= 2:
			c = bad
		case r == 3:
			c = warn
		}
		s.Rating[r] = lipgloss.NewStyle().Foreground(c)
	}
	s.StageDone = lipgloss.NewStyle().Foreground(accent)
	s.StageCurrent = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(text)
	s.StageTodo = lipgloss.NewStyle().Foreground(faint)

	// The help bar in the palette's own colours: the library's defaults are
	// two shades of grey too close to the background to read comfortably.
	s.Help = help.DefaultStyles(isDark)
	s.Help.ShortKey = lipgloss.NewStyle().Foreground(text)
	s.Help.ShortDesc = lipgloss.NewStyle().Foreground(subtle)
	s.Help.ShortSeparator = lipgloss.NewStyle().Foreground(faint)
	s.Help.FullKey = s.Help.ShortKey
	s.Help.FullDesc = s.Help.ShortDesc
	s.Help.FullSeparator = s.Help.ShortSeparator
	s.Help.Ellipsis = s.Help.ShortSeparator

	s.TextArea = textarea.DefaultStyles(isDark)
	s.TextArea.Focused.CursorLine = lipgloss.NewStyle()
	s.TextArea.Focused.Prompt = lipgloss.NewStyle().Foreground(accent)
	s.TextArea.Focused.Placeholder = lipgloss.NewStyle().Foreground(faint).Italic(true) // italic: still a hint with NO_COLOR
	s.TextArea.Blurred.Prompt = lipgloss.NewStyle().Foreground(faint)
	// A steady cursor: calmer to write beside, and no redraw twice a second.
	s.TextArea.Cursor.Blink = false
	// The default cursor is light grey whatever the background: reversed,
	// it vanishes on a light one. The text colour shows on either.
	s.TextArea.Cursor.Color = text

	s.Input = textinput.DefaultStyles(isDark)
	s.Input.Focused.Prompt = lipgloss.NewStyle().Foreground(accent)
	s.Input.Focused.Placeholder = lipgloss.NewStyle().Foreground(faint).Italic(true)
	s.Input.Cursor.Blink = false
	s.Input.Cursor.Color = text
	return s
}
