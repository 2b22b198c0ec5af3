package coach

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"attend/coach/msg"
)

// What text may hold. One rule for every piece of text attend keeps (names,
// answers, actions, records, addenda): any printable character, and tab and
// new line. Not allowed:
//
//   - the other control characters, C0 (U+0000–U+001F, which includes the
//     carriage return and ESC, the start of every terminal escape
//     sequence), DEL (U+007F) and C1 (U+0080–U+009F);
//   - the bidirectional overrides and isolates U+202A–U+202E and
//     U+2066–U+2069, which make text display in another order than it is
//     stored (so a note can show one thing and say another);
//   - the zero-width characters U+200B–U+200D, U+2060 and U+FEFF, which
//     make two names that look the same differ;
//   - bytes that are not UTF-8.
//
// CheckText refuses such text where it comes in from a file (import);
// CleanText drops them from what is typed or pasted; SafeText makes them
// visible wherever text goes out to a terminal or a Markdown file, so that
// nothing hidden in a record made before this rule can act there.

// Disallowed reports whether r may not appear in attend's text.
func disallowed(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff:
		return true
	}
	return false
}

// TextError is CheckText's report: the first character text may not hold,
// and where it is.
type TextError struct {
	Rune  rune // utf8.RuneError for a byte that is not UTF-8
	Byte  byte // that byte, when Rune is utf8.RuneError
	Index int  // 1-based count of characters, the bad one included
}

func (e *TextError) Error() string { return e.said().Error() }

// Text is the report in l.
func (e *TextError) Text(l *msg.Lang) string { return e.said().Text(l) }

func (e *TextError) said() *Said {
	return said("coach.text.holds", "What", describeRune(e.Rune, e.Byte), "N", e.Index)
}

func describeRune(r rune, b byte) *Said {
	switch {
	case r == utf8.RuneError:
		return said("coach.text.byte", "Hex", fmt.Sprintf("\\x%02x", b))
	case r == 0x1b:
		return said("coach.text.escape")
	case r == '\r':
		return said("coach.text.cr")
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return said("coach.text.control", "U", fmt.Sprintf("U+%04X", r))
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return said("coach.text.bidi", "U", fmt.Sprintf("U+%04X", r))
	}
	return said("coach.text.zerowidth", "U", fmt.Sprintf("U+%04X", r))
}

// CheckText returns nil if s holds only what text may hold (see above),
// else a *TextError naming the first character that it may not, and where.
func CheckText(s string) error {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n++
		if r == utf8.RuneError && size == 1 {
			return &TextError{Rune: r, Byte: s[i], Index: n}
		}
		if disallowed(r) {
			return &TextError{Rune: r, Index: n}
		}
		i += size
	}
	return nil
}

// Lines is s with each line break as one new line: many terminals paste a
// line break as a carriage return, and some editors save "\r\n". Said
// before CleanText, so that pasted paragraphs keep their breaks rather than
// running together.
func Lines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// CleanText returns s without the characters text may not hold, for what is
// typed or pasted: tabs and new lines stay; the rest (escape sequences' ESC,
// carriage returns, bidi controls, zero-width characters, bytes that are
// not UTF-8) are dropped.
func CleanText(s string) string {
	if CheckText(s) == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && size == 1) && !disallowed(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// SafeText returns s for output to a terminal or a Markdown file, with each
// character text may not hold replaced by a visible escape: `\x1b` for a
// control character or a byte that is not UTF-8, `<U+202E>` for a bidi or
// zero-width character. Nothing hidden survives, and nothing is silently lost.
func SafeText(s string) string {
	if CheckText(s) == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !disallowed(r):
			b.WriteString(s[i : i+size])
		case r <= 0x9f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, "<U+%04X>", r)
		}
		i += size
	}
	return b.String()
}
