package coach

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"attend/coach/msg"
)

// The errors a manager meets say themselves in the interface language,
// wrapped or not, and their English is unchanged.
func TestErrorsSayThemselvesInWelsh(t *testing.T) {
	today := Date{2026, 11, 26}
	people := []Person{{ID: "1", Name: "Ann Jones"}, {ID: "2", Name: "Anna Evans"}}
	_, dateErr := ParseDate("rywbryd", today)
	_, slashErr := ParseDate("31/2", today)
	_, cadErr := ReadCadence("weithiau")
	_, _, nameErr := ResolveName(people, "an")
	_, outErr := ParseOutcome("efallai")
	_, emptyErr := CleanName("  ")
	cy, en := msg.New("cy"), msg.New("en")
	for _, c := range []struct {
		err         error
		english, cy string
	}{
		{dateErr, `"rywbryd" is not a date I can read: try 2027-02-24, 24/2/2027, +6w or fri`, `alla i ddim darllen "rywbryd" fel dyddiad`},
		{slashErr, "February has no day 31", "does dim diwrnod 31 ym mis Chwefror"},
		{cadErr, `"weithiau" is not an interval attend can read: try 6w, 2m or 3 months`, `alla i ddim darllen "weithiau" fel cyfnod`},
		{nameErr, `"an" could be Ann Jones or Anna Evans: give more of the name`, `gallai "an" fod yn Ann Jones neu Anna Evans`},
		{outErr, `outcome "efallai" is not one of helped, partly, notyet, didntask`, `dydy'r canlyniad "efallai" ddim yn un o "wedi helpu", "wedi helpu'n rhannol", "heb helpu eto" neu "heb ofyn" (neu helped, partly, notyet, didntask)`},
		{emptyErr, "a name is needed", "mae angen enw"},
	} {
		if c.err == nil {
			t.Fatalf("no error for %q", c.english)
		}
		if got := c.err.Error(); got != c.english {
			t.Errorf("English: %q, want %q", got, c.english)
		}
		wrapped := fmt.Errorf("--next: %w", c.err)
		if got := ErrorText(en, wrapped); got != "--next: "+c.english {
			t.Errorf("English, wrapped: %q", got)
		}
		if got := ErrorText(cy, wrapped); !strings.HasPrefix(got, "--next: "+c.cy) {
			t.Errorf("Welsh: %q, want it to start %q", got, "--next: "+c.cy)
		}
	}
	if got := ErrorText(cy, fmt.Errorf("plain")); got != "plain" {
		t.Errorf("an error with no words of its own: %q", got)
	}
}

// A prompt pack's faults say themselves in Welsh: the catalogue's English
// for each is the English attend writes, the Welsh fills in the same
// blanks, and a broken pack is refused in Welsh.
func TestPackFaultsInWelsh(t *testing.T) {
	en, cy := msg.New("en"), msg.New("cy")
	verbs := regexp.MustCompile(`%(\[\d+\])?[a-z]`)
	for format, id := range packFaultIDs {
		if got := en.T(id); got != format {
			t.Errorf("%s: the catalogue says %q, attend %q", id, got, format)
		}
		if a, b := verbs.FindAllString(format, -1), verbs.FindAllString(cy.T(id), -1); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("%s: Welsh fills in %v, English %v", id, b, a)
		}
	}
	base := builtinPackTOML(t)
	for _, c := range []struct{ old, new, cy string }{
		{`id = "checkin.head"`, `id = "checkin.head"` + "\n  colour = \"red\"", "dydy attend ddim yn adnabod y maes hwn"},
		{`id = "checkin.head"` + "\n  kind = \"text\"", `id = "checkin.head"` + "\n  kind = \"essay\"", `dydy "essay" ddim yn fath`},
		{`source = "domain brief §6 A1; seed ~93-101 (being present)"`, `source = ""`, "source: mae'n wag"},
	} {
		_, faults := ParsePack(edit(t, base, c.old, c.new))
		if len(faults) == 0 {
			t.Fatalf("%q: no fault", c.new)
		}
		pe := &PackError{Path: "ours.toml", Faults: faults}
		got := ErrorText(cy, fmt.Errorf("wrapped: %w", pe))
		if !strings.HasPrefix(got, "wrapped: ni ellir defnyddio'r pecyn cwestiynau ours.toml: llinell ") || !strings.Contains(got, c.cy) {
			t.Errorf("Welsh: %q, want %q", got, c.cy)
		}
		if ErrorText(en, pe) != pe.Error() {
			t.Errorf("English changed: %q", ErrorText(en, pe))
		}
	}
	// Removing a stage gives a reason, said in Welsh too.
	s := string(base)
	i, j := strings.Index(s, "# ---- empathise:"), strings.Index(s, "# ---- help:")
	_, faults := ParsePack([]byte(s[:i] + s[j:]))
	var all []string
	for _, f := range faults {
		all = append(all, f.Text(cy))
	}
	if text := strings.Join(all, "\n"); !strings.Contains(text, "mae'r pedwar ymddygiad") || strings.Contains(text, "behaviours") {
		t.Errorf("a stage removed, in Welsh:\n%s", text)
	}
}

// The operating system's reasons are said in the language, inside any
// message, and stay as the system gave them in English.
func TestErrorTextSaysWhyTheSystemRefused(t *testing.T) {
	cy := msg.New("cy")
	pe := &fs.PathError{Op: "open", Path: "/nid/yma.db", Err: syscall.ENOENT}
	wrapped := fmt.Errorf("cannot read %s: %w", "/nid/yma.db", pe)
	if got := ErrorText(cy, wrapped); strings.Contains(got, "no such file") || !strings.Contains(got, "/nid/yma.db: does dim ffeil na ffolder") {
		t.Errorf("Welsh: %q", got)
	}
	if got := ErrorText(msg.New("en"), wrapped); got != wrapped.Error() {
		t.Errorf("English changed: %q", got)
	}
	if got := ErrorText(cy, fmt.Errorf("x: %w", syscall.EISDIR)); got != "x: ffolder yw e, nid ffeil" {
		t.Errorf("a bare reason: %q", got)
	}
	// A reason it has no words for stays as the system gave it.
	if got := ErrorText(cy, &fs.PathError{Op: "read", Path: "/f", Err: syscall.EIO}); !strings.Contains(got, syscall.EIO.Error()) {
		t.Errorf("an unknown reason: %q", got)
	}
}

// An outcome is typed as its key (helped) or as its label in any language
// attend speaks ("wedi helpu'n rhannol", "Heb ofyn", "didn't ask").
func TestParseOutcomeTakesLabels(t *testing.T) {
	for typed, want := range map[string]Outcome{
		"helped": OutcomeHelped, "Not yet": OutcomeNotYet, "didn't ask": OutcomeDidntAsk, "partly helped": OutcomePartly,
		"wedi helpu": OutcomeHelped, "wedi helpu'n rhannol": OutcomePartly, "Heb helpu eto": OutcomeNotYet, "heb ofyn": OutcomeDidntAsk,
	} {
		if got, err := ParseOutcome(typed); err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", typed, got, err, want)
		}
	}
	if _, err := ParseOutcome("wedi"); err == nil {
		t.Error(`"wedi" was taken`)
	}
}
