package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The answer goes to a private file, comes back with the editor's changes,
// and the file is gone afterwards.
func TestTheEditorRoundTripIsPrivateAndLeavesNothing(t *testing.T) {
	script := filepath.Join(t.TempDir(), "ed.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf 'and more from the editor\\n' >> \"$1\"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	ready := openEditor("s1", "checkin.head", "Rota gaps")().(editorReadyMsg)
	if ready.err != nil {
		t.Fatal(ready.err)
	}
	for path, want := range map[string]os.FileMode{ready.dir: 0o700, ready.path: 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s is %v, want %v", path, fi.Mode().Perm(), want)
		}
	}
	err := exec.Command(ready.editor[0], ready.path).Run()
	got := editorDone(ready)(err).(editorMsg)
	if got.err != nil || got.text != "Rota gaps\nand more from the editor" {
		t.Fatalf("back from the editor: %+v", got)
	}
	if _, err := os.Stat(ready.dir); !os.IsNotExist(err) {
		t.Fatalf("the private folder is still there: %v", err)
	}

	// The prep takes the text into the answer it came from.
	h := newHarness(t, 80, 24, "Siân Ŵyn")
	h.tabTo("checkin.head")
	h.send(editorMsg{sessionID: h.prep().session.ID, itemID: "checkin.head", text: got.text})
	if a := h.prep().session.Answer("checkin.head").Text; a != got.text {
		t.Fatalf("answer = %q", a)
	}
	h.mustSee("and more from the editor")
}

func TestNoEditorSetSaysHowToSetOne(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	h := newHarness(t, 100, 30, "Siân Ŵyn")
	h.tabTo("checkin.head")
	h.press("ctrl+e")
	h.mustSee("set $VISUAL or $EDITOR")
}

// An editor that cannot be started says why in the language of the
// screens: the system's reason too ("… dim ffeil na ffolder").
func TestEditorThatCannotStartSaysWhyInWelsh(t *testing.T) {
	h := welshHarness(t, 100, 30, "Siân Ŵyn")
	h.tabTo("checkin.head")
	h.send(editorMsg{sessionID: h.prep().session.ID, itemID: "checkin.head",
		err: &os.PathError{Op: "fork/exec", Path: "/nid/yma/golygydd", Err: syscall.ENOENT}})
	h.mustSee("Daeth eich golygydd i ben gyda gwall", "dim ffeil na ffolder o'r enw hwnnw")
	if strings.Contains(h.screen(), "no such file") {
		t.Errorf("the system's reason in English:\n%s", h.screen())
	}
}
