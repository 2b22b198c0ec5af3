package tui

import (
	"reflect"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// The bubbles editors come with keys of their own, and some are attend's:
// ctrl+t swaps two letters in a textarea (it turned "wedi blino" into
// "wedi blion", saved like that, where ctrl+t means "keep the draft here"
// or "together / your view"), ctrl+g selects everything (a backspace then
// empties the answer) where it means "last time", and ctrl+f, ctrl+n and
// ctrl+e move the cursor where they mean "every prompt", "add an action"
// and "your editor". Every editor attend makes is made here, without
// them: a key attend answers to while typing never edits the text.

// newTextArea is a textarea without attend's keys.
func newTextArea(keys KeyMap) textarea.Model {
	ta := textarea.New()
	withoutKeys(&ta.KeyMap, commandKeys(keys))
	return ta
}

// newTextInput is a one-line field without attend's keys.
func newTextInput(keys KeyMap) textinput.Model {
	ti := textinput.New()
	withoutKeys(&ti.KeyMap, commandKeys(keys))
	return ti
}

// commandKeys are the keys attend answers to while something is typed.
func commandKeys(k KeyMap) map[string]bool {
	taken := map[string]bool{}
	for _, b := range []key.Binding{
		k.Global.Quit, k.Global.HelpAlt, k.Global.Hide,
		k.Prep.Next, k.Prep.Prev, k.Prep.Review, k.Prep.Leave,
		k.Prep.TakeOver, k.Prep.Together, k.Prep.More, k.Prep.Full,
		k.Prep.LastTime, k.Prep.Editor, k.Prep.AddAction, k.Prep.RemoveAction,
		k.Record.AddNote, k.Record.KeepBoth,
	} {
		for _, s := range b.Keys() {
			taken[s] = true
		}
	}
	return taken
}

// withoutKeys takes the taken keys out of every binding of an editor's
// keymap (a textarea.KeyMap or a textinput.KeyMap), whatever bindings a
// later bubbles adds; a binding left with no key is switched off.
func withoutKeys(keymap any, taken map[string]bool) {
	v := reflect.ValueOf(keymap).Elem()
	for i := range v.NumField() {
		b, ok := v.Field(i).Addr().Interface().(*key.Binding)
		if !ok {
			continue
		}
		var keep []string
		for _, s := range b.Keys() {
			if !taken[s] {
				keep = append(keep, s)
			}
		}
		if len(keep) == len(b.Keys()) {
			continue
		}
		b.SetKeys(keep...)
		if len(keep) == 0 {
			b.SetEnabled(false)
		}
	}
}

// typedIntoFull reports a letter typed into a one-line field already at
// its limit: the field drops it, and the screen says so rather than
// ignore it.
func typedIntoFull(msg tea.Msg, before string, limit int) bool {
	k, ok := msg.(tea.KeyPressMsg)
	return ok && limit > 0 && k.Text != "" && k.Mod&^tea.ModShift == 0 && utf8.RuneCountInString(before) >= limit
}
