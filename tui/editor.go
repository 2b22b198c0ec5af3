package tui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// Writing a long answer in your own editor: ctrl+e on a text answer writes
// it to a private temporary file (0600 in a 0700 folder of its own), opens
// $VISUAL or $EDITOR on it, reads it back when the editor closes, and
// removes the folder, whatever happened. The screen is given back to the
// editor meanwhile and restored after.

// editorMsg carries what came back from the editor, for one answer.
type editorMsg struct {
	sessionID, itemID string
	text              string
	cut               bool // the file was longer than an answer holds
	err               error
}

// editorReadyMsg is the temporary file, written, ready for the editor.
type editorReadyMsg struct {
	sessionID, itemID string
	dir, path         string
	editor            []string
	err               error
}

// editorCommand is the editor the manager chose, as a command and its words.
func editorCommand() []string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(os.Getenv(v)); len(f) > 0 {
			return f
		}
	}
	return nil
}

// errNoEditor says how to choose an editor.
var errNoEditor = errors.New("no editor")

// openEditor writes the answer to a private file, in a command.
func openEditor(sessionID, itemID, text string) tea.Cmd {
	editor := editorCommand()
	return func() tea.Msg {
		msg := editorReadyMsg{sessionID: sessionID, itemID: itemID, editor: editor}
		if len(editor) == 0 {
			msg.err = errNoEditor
			return msg
		}
		dir, err := os.MkdirTemp("", "attend-edit-*") // made 0700
		if err != nil {
			msg.err = err
			return msg
		}
		path := filepath.Join(dir, "answer.md")
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += "\n" // editors and scripts expect a file to end in one
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			os.RemoveAll(dir)
			msg.err = err
			return msg
		}
		msg.dir, msg.path = dir, path
		return msg
	}
}

// runEditor hands the terminal to the editor, then reads the file back and
// removes it.
func runEditor(r editorReadyMsg) tea.Cmd {
	c := exec.Command(r.editor[0], append(r.editor[1:], r.path)...)
	return tea.ExecProcess(c, editorDone(r))
}

// editorDone reads what the editor left and removes the private folder,
// whether or not the editor succeeded.
func editorDone(r editorReadyMsg) tea.ExecCallback {
	return func(err error) tea.Msg {
		defer os.RemoveAll(r.dir)
		msg := editorMsg{sessionID: r.sessionID, itemID: r.itemID, err: err}
		if err != nil {
			return msg
		}
		b, err := os.ReadFile(r.path)
		if err != nil {
			msg.err = err
			return msg
		}
		text := cleanTyped(strings.TrimRight(coach.Lines(string(b)), "\n"))
		if runes := []rune(text); len(runes) > coach.MaxAnswerLen {
			text, msg.cut = string(runes[:coach.MaxAnswerLen]), true
		}
		msg.text = text
		return msg
	}
}
