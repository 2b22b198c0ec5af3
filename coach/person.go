package coach

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Person is someone the manager supervises.
type Person struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
	// Cadence is how often supervision should happen. Zero means the default.
	Cadence Cadence `json:"cadence,omitzero"`
	// LastSession is the date of their most recent saved session, kept on the
	// person so that the home screen never has to read sessions to draw.
	LastSession Date `json:"last_session,omitzero"`
	// NextSession is the date agreed at the last session, if one was set.
	NextSession Date `json:"next_session,omitzero"`
	Sessions    int  `json:"sessions"`
	Demo        bool `json:"demo,omitempty"` // made up by `attend demo`, not a real person
}

// MaxNameLen bounds a name: long enough for any real name, short enough
// that a stray paste cannot become someone's name.
const MaxNameLen = 80

// CleanName trims and collapses white space in a name and checks it is usable.
func CleanName(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", said("coach.name.utf8")
	}
	name = strings.Join(strings.FieldsFunc(name, unicode.IsSpace), " ")
	name = norm.NFC.String(name)
	switch {
	case name == "":
		return "", said("coach.name.needed")
	case len([]rune(name)) > MaxNameLen:
		return "", said("coach.name.long", "N", MaxNameLen)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return "", said("coach.name.control")
		}
		// Bidirectional overrides can make a name display as something else.
		if (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return "", said("coach.name.bidi")
		}
	}
	return name, nil
}

// Fold lowers case and strips accents so that "sian" matches "Siân" and
// "wyn" matches "Ŵyn": managers type names quickly, without diacritics.
//
// It runs for every name on every list and search, so plain ASCII (most
// text) takes a fast path, and the rest decomposes with NFD and drops the
// combining marks directly rather than building a transformer per call.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return strings.ToLower(norm.NFC.String(b.String()))
}

// SameName reports whether two names refer to the same person for lookup.
func SameName(a, b string) bool {
	ca, errA := CleanName(a)
	cb, errB := CleanName(b)
	return errA == nil && errB == nil && Fold(ca) == Fold(cb)
}

// WholeWordsOf reports whether typed is whole words of name, in order,
// ignoring case and accents: "sian" or "Siân Ŵyn" of "Siân Ŵyn", never
// "s" or "si". A command that hands records over takes no less: a
// fragment that happens to fit one person today is a guess.
func WholeWordsOf(name, typed string) bool {
	cn, errN := CleanName(name)
	ct, errT := CleanName(typed)
	if errN != nil || errT != nil {
		return false
	}
	words, want := strings.Fields(Fold(cn)), strings.Fields(Fold(ct))
	for i := 0; i+len(want) <= len(words); i++ {
		if slices.Equal(words[i:i+len(want)], want) {
			return len(want) > 0
		}
	}
	return false
}
