package coach

// AppendJSONString appends s quoted exactly as encoding/json quotes a
// string (HTML characters, U+2028 and U+2029 escaped, each byte of invalid
// UTF-8 replaced by \ufffd), for the store's hand-written record encoder.
func AppendJSONString(dst []byte, s string) []byte { return appendJSONString(dst, s) }
