package tui

import (
	"strings"
	"testing"
)

// The command's first word (a new file started, and where) is on the first
// screen, and goes with the first key, like any notice.
func TestTheFirstScreenSaysTheCommandsNotice(t *testing.T) {
	h := openWindow(t, newMemStore(), 80, 24, Options{Dark: true, Notice: "Started a new attend file at /tmp/x.db."})
	h.mustSee("Started a new attend file at /tmp/x.db.")
	h.press("down")
	if strings.Contains(h.screen(), "Started a new attend file") {
		t.Errorf("the notice stayed after a key:\n%s", h.screen())
	}
}
