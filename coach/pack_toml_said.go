package coach

// The TOML reader's own complaint about a pack that is not valid TOML,
// said in a language: go-toml words each kind of fault in English from a
// fixed set of sentences (some with a character, a word or a number in
// them); each has an id in the catalogue (coach.toml.…) whose English is
// go-toml's sentence. What the sentence quotes from the file (the
// character at fault, U+0022 '"') stays as go-toml wrote it.

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"attend/coach/msg"
)

// tomlWhy is go-toml's complaint, as it wrote it.
type tomlWhy string

// tomlKinds are go-toml's sentences (the formats it fills in) and their
// ids. A test checks that the English catalogue says the same.
var tomlKinds = []struct{ format, id string }{
	{"expected newline but got %#U", "coach.toml.newline"},
	{"carriage returns must be followed by a newline character", "coach.toml.cr"},
	{"unterminated basic string", "coach.toml.basic.open"},
	{"unexpected character %#U at start of value", "coach.toml.value.char"},
	{"too many quotes at the end of a multiline basic string", "coach.toml.mbasic.quotes"},
	{"multiline basic strings cannot have control characters", "coach.toml.mbasic.control"},
	{"invalid escape character %#U", "coach.toml.escape"},
	{"invalid UTF-8 character in multiline basic string", "coach.toml.mbasic.utf8"},
	{"invalid UTF-8 character in basic string", "coach.toml.basic.utf8"},
	{"expected value, not end of input", "coach.toml.value.end"},
	{"basic strings cannot have new lines", "coach.toml.basic.newline"},
	{"basic strings cannot have control characters", "coach.toml.basic.control"},
	{"unterminated literal string", "coach.toml.literal.open"},
	{"unicode escape sequence is too short", "coach.toml.unicode.short"},
	{"unexpected comma in inline table", "coach.toml.inline.comma"},
	{"too many quotes at the end of a multiline literal string", "coach.toml.mliteral.quotes"},
	{"strings must be quoted", "coach.toml.quote"},
	{"sign is not allowed on numbers with a radix prefix", "coach.toml.radix.sign"},
	{"radix prefix must be followed by at least one digit", "coach.toml.radix.digit"},
	{"number must have at least one digit between underscores", "coach.toml.underscore"},
	{"multiline literal strings cannot have control characters", "coach.toml.mliteral.control"},
	{"multiline literal string not terminated by '''", "coach.toml.mliteral.open"},
	{"literal strings cannot have new lines", "coach.toml.literal.newline"},
	{"literal strings cannot have control characters", "coach.toml.literal.control"},
	{"invalid hexadecimal digit in unicode escape sequence", "coach.toml.unicode.hex"},
	{"invalid character at start of key: %#U", "coach.toml.key.char"},
	{"invalid UTF-8 character in multiline literal string", "coach.toml.mliteral.utf8"},
	{"invalid UTF-8 character in literal string", "coach.toml.literal.utf8"},
	{"invalid UTF-8 character in comment", "coach.toml.comment.utf8"},
	{"integers cannot have leading zeroes", "coach.toml.zero"},
	{"inline table is incomplete", "coach.toml.inline.open"},
	{"exponent must contain at least one digit", "coach.toml.exponent"},
	{"expected value but got %#U", "coach.toml.value.got"},
	{"expected number after sign", "coach.toml.sign"},
	{"expected keyword %q", "coach.toml.keyword"},
	{"expected key but reached end of input", "coach.toml.key.end"},
	{"expected digit but got %#U", "coach.toml.digit"},
	{"expected ']]' to close array table name", "coach.toml.close.list"},
	{"expected ']' to close table name", "coach.toml.close.table"},
	{"expected '=' after key", "coach.toml.equals"},
	{"expected ',' or '}' after inline table key-value", "coach.toml.inline.next"},
	{"expected ',' or ']' after array value", "coach.toml.array.next"},
	{"expected %q", "coach.toml.expected"},
	{"escape sequence is not a valid unicode code point", "coach.toml.unicode.point"},
	{"decimal point must be followed by a digit", "coach.toml.decimal"},
	{"control characters are not allowed in comments", "coach.toml.comment.control"},
	{"carriage returns are not allowed in comments", "coach.toml.comment.cr"},
	{"arrays and inline tables are nested more than the maximum of %d levels deep", "coach.toml.deep"},
	{"array is incomplete", "coach.toml.array.open"},
	{`need a character after \`, "coach.toml.escape.end"},
}

// tomlPatterns match go-toml's sentences, in the order of tomlKinds: each
// verb becomes a group that takes what go-toml filled in.
var tomlPatterns = sync.OnceValue(func() []*regexp.Regexp {
	verb := strings.NewReplacer(
		regexp.QuoteMeta("%#U"), `(U\+[0-9A-F]{4,6}(?: '.+')?)`,
		regexp.QuoteMeta("%q"), `(".*")`,
		regexp.QuoteMeta("%d"), `(-?[0-9]+)`,
	)
	out := make([]*regexp.Regexp, len(tomlKinds))
	for i, k := range tomlKinds {
		out[i] = regexp.MustCompile("^" + verb.Replace(regexp.QuoteMeta(k.format)) + "$")
	}
	return out
})

// in is the complaint in l; one go-toml words in a way attend does not
// know stays as it wrote it.
func (w tomlWhy) in(l *msg.Lang) string {
	if l == nil || l.Code == "en" {
		return string(w)
	}
	for i, re := range tomlPatterns() {
		m := re.FindStringSubmatch(string(w))
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for j, s := range m[1:] {
			args[j] = s
		}
		return fmt.Sprintf(l.T(tomlKinds[i].id), args...)
	}
	return string(w)
}
