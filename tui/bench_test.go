package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkKeystroke is one typed character in a prep: Update, then View,
// which is what a person waits for between pressing a key and seeing it.
// Each op types a character and deletes it, so the answer keeps its size;
// ns/op is for the two keystrokes.
func BenchmarkKeystroke(b *testing.B) {
	for _, tc := range []struct {
		name string
		text string
	}{
		{"empty_answer", ""},
		{"answer_2k_chars", strings.Repeat("Rota gaps on Tuesdays; Siân covers nights. ", 48)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			h := newHarness(&testing.T{}, 120, 40, "Siân Ŵyn")
			h.prep().tickPending = true // keep autosave out of the measurement
			h.tabTo("understand.challenges")
			h.send(tea.PasteMsg{Content: tc.text})
			key := tea.KeyPressMsg{Code: 'ŵ', Text: "ŵ"}
			del := tea.KeyPressMsg{Code: tea.KeyBackspace} // flushes the typed character first
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				h.m.Update(key)
				_ = h.m.View()
				h.m.Update(del)
				_ = h.m.View()
			}
		})
	}
}

// BenchmarkFirstFrame is start-up inside the process: build the model, load
// the people, draw the first frame; with five people, and with 2,000 (the
// 100,000-session demo's), where sorting the home list once folded names
// in every comparison.
func BenchmarkFirstFrame(b *testing.B) {
	for _, n := range []int{5, 2000} {
		b.Run(fmt.Sprintf("people_%d", n), func(b *testing.B) {
			st := newMemStore()
			names := []string{"Siân Ŵyn", "Aled Evans", "Bethan Morgan", "Dafydd ap Gwilym", "Ffion Hughes"}
			for i := range n {
				name := names[i%len(names)]
				if i >= len(names) {
					name = fmt.Sprintf("%s %d", name, i)
				}
				_, _, _ = st.EnsurePerson(name)
			}
			want := thousands(n) + " people"
			b.ReportAllocs()
			for b.Loop() {
				h := &harness{t: &testing.T{}, store: st}
				h.m = New(Options{Store: st, Guide: mustGuide(), Now: fixedNow, Dark: true})
				h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
				h.run(h.m.Init())
				if scr := h.screen(); !strings.Contains(scr, "Aled Evans") || !strings.Contains(scr, want) {
					b.Fatalf("first frame lacks the people:\n%s", scr)
				}
			}
		})
	}
}

// thousands writes n as the home screen counts it: 2,000.
func thousands(n int) string {
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d,%03d", n/1000, n%1000)
}
