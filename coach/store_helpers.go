package coach

// Pieces of coach the store's batch path uses directly.

// AppendJSONString appends s quoted exactly as encoding/json quotes a
// string (HTML characters, U+2028 and U+2029 escaped, each byte of invalid
// UTF-8 replaced by \ufffd), for the store's hand-written record encoder.
func AppendJSONString(dst []byte, s string) []byte { return appendJSONString(dst, s) }

// EachRawWord calls fn with every word of text as written (not folded),
// in order: the words search finds, as EachSessionRawWord splits them,
// for a caller that looks at a session's texts one at a time.
func EachRawWord(text string, fn func(raw string)) {
	eachWord(text, func(i, j int) { fn(text[i:j]) })
}
