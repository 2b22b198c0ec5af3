package tui

import (
	"strings"
	"testing"
	"time"
)

func TestCtrlLHidesEveryNameAndNote(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.typeText("Worried about Siân's back injury")
	h.press("ctrl+l")
	s := h.screen()
	for _, secret := range []string{"Siân", "back injury", "Check-in", "How are you arriving"} {
		if strings.Contains(s, secret) {
			t.Fatalf("hidden screen still shows %q:\n%s", secret, s)
		}
	}
	h.mustSee("Notes hidden", "ctrl+l show notes")
	h.typeText("x") // keys do nothing while hidden
	if got := h.prep().session.Answer("checkin.head").Text; got != "Worried about Siân's back injury" {
		t.Fatalf("typing while hidden changed the answer: %q", got)
	}
	h.press("ctrl+l")
	h.mustSee("Worried about Siân's back injury")
}

// lockStore is an encrypted store for the idle lock: its passphrase is "cwtch".
type lockStore struct{ *memStore }

func (lockStore) Encrypted() bool                { return true }
func (lockStore) VerifyPassphrase(p []byte) bool { return string(p) == "cwtch" }

func TestIdleLockAsksForThePassphrase(t *testing.T) {
	now := clock
	st := lockStore{newMemStore()}
	h := openWindow(t, st.memStore, 80, 24, Options{Store: st, Now: func() time.Time { return now }, PrepName: "Siân Ŵyn",
		IdleLock: 5 * time.Minute})
	h.tabTo("checkin.head")
	h.typeText("Sickness absence again")

	now = now.Add(4 * time.Minute)
	h.send(idleCheckMsg{})
	if h.m.priv.locked {
		t.Fatal("locked before the idle time")
	}
	now = now.Add(2 * time.Minute)
	h.send(idleCheckMsg{})
	if !h.m.priv.locked {
		t.Fatal("did not lock after the idle time")
	}
	s := h.screen()
	if strings.Contains(s, "Siân") || strings.Contains(s, "Sickness") {
		t.Fatalf("lock screen shows notes:\n%s", s)
	}
	h.mustSee("attend locked itself", "passphrase:")
	h.typeText("wrong")
	h.press("enter")
	h.mustSee("does not match")
	h.typeText("cwtch")
	h.press("enter")
	if h.m.priv.locked {
		t.Fatal("the right passphrase did not unlock")
	}
	h.mustSee("Sickness absence again")
	if got := h.prep().session.Answer("checkin.head").Text; got != "Sickness absence again" {
		t.Fatalf("the passphrase leaked into the answer: %q", got)
	}
}

func TestNoIdleLockWithoutEncryption(t *testing.T) {
	h := startPrep(t)
	if cmd := h.m.priv.start(); cmd != nil {
		t.Fatal("an unencrypted store should never lock")
	}
}
