package coach_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"attend/coach"
)

func TestCheckText(t *testing.T) {
	for _, ok := range []string{"", "Siân Ŵyn", "tab\there\nand a new line", "emoji 😴 and Cymraeg ŵ ŷ", "שלום", "a\u00a0b"} {
		if err := coach.CheckText(ok); err != nil {
			t.Errorf("CheckText(%q) = %v, want nil", ok, err)
		}
	}
	for _, tc := range []struct {
		in    string
		index int
		want  string
	}{
		{"ok\x1b]0;pwned\x07", 3, "escape character (U+001B)"},
		{"line\r\nnext", 5, "carriage return"},
		{"a\u0085b", 2, "control character (U+0085)"},
		{"x\u009b31m", 2, "U+009B"},
		{"abc\u202egnp.exe", 4, "text-direction control (U+202E)"},
		{"\u2066isolate", 1, "U+2066"},
		{"A\u200bB", 2, "zero-width character (U+200B)"},
		{"\ufeffBOM", 1, "U+FEFF"},
		{"wj\u2060", 3, "U+2060"},
		{"bad \xff byte", 5, `\xff`},
		{"del\x7f", 4, "U+007F"},
		{"nul\x00", 4, "U+0000"},
	} {
		err := coach.CheckText(tc.in)
		var te *coach.TextError
		if !errors.As(err, &te) {
			t.Errorf("CheckText(%q) = %v, want a *TextError", tc.in, err)
			continue
		}
		if te.Index != tc.index || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("CheckText(%q) = %q (character %d); want character %d and %q", tc.in, err, te.Index, tc.index, tc.want)
		}
	}
}

func TestCleanAndSafeText(t *testing.T) {
	for _, tc := range []struct{ in, clean, safe string }{
		{"plain\ttext\nhere", "plain\ttext\nhere", "plain\ttext\nhere"},
		{"red\x1b[31mtext", "red[31mtext", `red\x1b[31mtext`},
		{"line\r\nnext", "line\nnext", "line\\x0d\nnext"},
		{"abc\u202egnp.exe", "abcgnp.exe", "abc<U+202E>gnp.exe"},
		{"A\u200bB", "AB", "A<U+200B>B"},
		{"c1\u009bx", "c1x", `c1\x9bx`},
		{"bad\xffbyte", "badbyte", `bad\xffbyte`},
	} {
		if got := coach.CleanText(tc.in); got != tc.clean {
			t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.clean)
		}
		if got := coach.SafeText(tc.in); got != tc.safe {
			t.Errorf("SafeText(%q) = %q, want %q", tc.in, got, tc.safe)
		}
	}
}

// hidden reports the first thing in s that a terminal or a Markdown viewer
// could act on without showing it.
func hidden(s string) (rune, bool) {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return r, true
			}
		}
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff:
			return r, true
		}
	}
	return 0, false
}

// FuzzSafeOutput: whatever a record holds, SafeText and the Markdown
// renderer give out no ESC, no C1 control, no carriage return, no bidi
// control and no zero-width character; CleanText's result passes
// CheckText; and a text CheckText accepts comes back from SafeText as it was.
func FuzzSafeOutput(f *testing.F) {
	for _, s := range []string{
		"", "plain", "\x1b[2J\x1b]0;title\x07", "a\r\nb", "\u202eevil", "A\u200bB", "\xff\xfe", "\u009b31m",
		"<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "```\ncode", "~~~", "# h", "1. one", "- x", "===",
		"&#x202E;", "\\", "a\\\nb",
	} {
		f.Add(s, s)
	}
	g, err := coach.LoadGuide("en")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, name string) {
		if r, bad := hidden(coach.SafeText(text)); bad {
			t.Fatalf("SafeText(%q) holds %U", text, r)
		}
		clean := coach.CleanText(text)
		if err := coach.CheckText(clean); err != nil {
			t.Fatalf("CleanText(%q) = %q, which CheckText refuses: %v", text, clean, err)
		}
		if coach.CheckText(text) == nil && coach.SafeText(text) != text {
			t.Fatalf("SafeText changed %q, which CheckText accepts", text)
		}
		p := coach.Person{ID: "01M8B6J8DNPJ2PXMD9RG5HGHXB", Name: name}
		s := coach.NewSession(p.ID, "en", now)
		s.Saved = now
		s.SetAnswer("checkin.head", coach.Answer{Text: text})
		s.SetAnswer("x."+name, coach.Answer{Text: text})
		s.SetAnswer(coach.SaidID, coach.Answer{Text: text})
		s.Addenda = []coach.Addendum{{At: now, Text: text}}
		s.Actions = []coach.Action{{Text: text, Owner: coach.OwnerMe, Status: coach.ActionDropped, Reason: text, Closed: now}}
		md := coach.Markdown(g, p, s, coach.MarkdownOptions{ShowSkipped: true})
		if r, bad := hidden(md); bad {
			t.Fatalf("Markdown of %q, %q holds %U:\n%s", text, name, r, md)
		}
		if r, bad := hidden(coach.ActionLine(s.Actions[0])); bad {
			t.Fatalf("ActionLine of %q holds %U", text, r)
		}
	})
}
