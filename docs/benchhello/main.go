// benchhello is the peer for attend's start-up in docs/bench-start.sh: a
// Bubble Tea v2 program that draws one styled line on the alt screen, so
// that what Bubble Tea itself costs to start in tmux is measured in the
// same rounds as attend.
package main

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

type m struct{}

func (m) Init() tea.Cmd { return nil }
func (x m) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return x, tea.Quit
	}
	return x, nil
}
func (m) View() tea.View {
	v := tea.NewView(lipgloss.NewStyle().Bold(true).Render("Hello ready"))
	v.AltScreen = true
	return v
}
func main() { tea.NewProgram(m{}).Run() }
