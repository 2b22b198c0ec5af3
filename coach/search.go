package coach

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Search works on words: runs of letters, digits and combining marks in
// what was written, each folded (Fold: case and accents ignored). A query
// word matches a written word it is the start of, so "sia", "sian" and
// "Siân" all find "Siân", and "wyn" finds "ŵyn". Everything else (spaces,
// punctuation, emoji) only separates words: "mae'r" is the words "mae" and
// "r", wherever they stand in the session.
//
// The store keeps each session's distinct words in an index (SessionWords),
// and the same rules pick the words of a query (SearchTerms) and find
// where they are in the text as written (MatchSpans, Snippet, FirstMatch),
// so that a session the index finds always has a place to show.

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// eachWord calls fn with the byte range of every word of text, in order.
func eachWord(text string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		var word bool
		n := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			word = isWordRune(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			fn(start, i)
			start = -1
		}
		i += n
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// SearchTerms are the distinct folded words of a query, in the order typed.
// A query with no words (only spaces or punctuation) has no terms.
func SearchTerms(query string) []string {
	var out []string
	eachWord(query, func(i, j int) {
		if w := Fold(query[i:j]); w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	})
	return out
}

// SearchTexts calls fn with everything written in a session that search
// looks through: answers (text and rating notes, by prompt id), actions
// with their reasons, the record and its addenda.
func SearchTexts(s Session, fn func(text string)) {
	for _, id := range s.AnswerIDs() { // the same words in the same order every time
		if t := s.Answer(id).Text; t != "" {
			fn(t)
		}
	}
	SearchTextsBesideAnswers(s, fn)
}

// SearchTextsBesideAnswers is SearchTexts without the answers: actions with
// their reasons, and the addenda. The store's hasher walks the answers its
// own way and calls this for the rest.
func SearchTextsBesideAnswers(s Session, fn func(text string)) {
	for _, a := range s.Actions {
		if a.Text != "" {
			fn(a.Text)
		}
		if a.Reason != "" {
			fn(a.Reason)
		}
	}
	for _, a := range s.Addenda {
		if a.Text != "" {
			fn(a.Text)
		}
	}
}

// SessionWords are the distinct folded words of everything written in a
// session (SearchTexts), for the search index.
func SessionWords(s Session) []string {
	seen := map[string]struct{}{}
	var out []string
	EachSessionWord(s, func(w string) {
		if _, dup := seen[w]; !dup {
			seen[w] = struct{}{}
			out = append(out, w)
		}
	})
	return out
}

// EachSessionWord calls fn with every folded word of a session, in the
// order of SessionWords, repeats included (for a caller that removes
// repeats in its own way, as the search index's batch does).
func EachSessionWord(s Session, fn func(w string)) {
	SearchTexts(s, func(text string) {
		eachWord(text, func(i, j int) {
			if w := Fold(text[i:j]); w != "" {
				fn(w)
			}
		})
	})
}

// EachSessionRawWord calls fn with every word of a session as written,
// before folding, in the order of EachSessionWord, repeats included:
// Fold(raw) is the word EachSessionWord gives, and a raw word that folds
// to nothing is no word. It folds and copies nothing, so a caller that
// remembers what it made of each raw word (the search index's hasher)
// pays one lookup for a word met before.
func EachSessionRawWord(s Session, fn func(raw string)) {
	SearchTexts(s, func(text string) {
		eachWord(text, func(i, j int) { fn(text[i:j]) })
	})
}

// matches reports whether a folded word starts with any of the terms.
func matches(folded string, terms []string) bool {
	for _, t := range terms {
		if strings.HasPrefix(folded, t) {
			return true
		}
	}
	return false
}

// MatchSpans gives the byte ranges, in order, of the words of text that
// start with one of the terms (SearchTerms), for highlighting: the whole
// word is given, so "sia" highlights all of "Siân".
func MatchSpans(text string, terms []string) [][2]int {
	if len(terms) == 0 {
		return nil
	}
	var out [][2]int
	eachWord(text, func(i, j int) {
		if matches(Fold(text[i:j]), terms) {
			out = append(out, [2]int{i, j})
		}
	})
	return out
}

// countTerms is how many distinct terms start some word of text.
func countTerms(text string, terms []string) int {
	found := make([]bool, len(terms))
	n := 0
	eachWord(text, func(i, j int) {
		if n == len(terms) {
			return
		}
		w := Fold(text[i:j])
		for k, t := range terms {
			if !found[k] && strings.HasPrefix(w, t) {
				found[k] = true
				n++
			}
		}
	})
	return n
}

// SnippetLen is the most characters a search snippet holds.
const SnippetLen = 120

// Snippet is text on one line (runs of white space as one space), cut to
// at most max characters around its first word matching a term, with "…"
// where it was cut. With no match (or no terms) it is the start of text.
func Snippet(text string, terms []string, limit int) string {
	limit = max(limit, 3)
	line := strings.Join(strings.Fields(text), " ")
	runes := []rune(line)
	if len(runes) <= limit {
		return line
	}
	at := 0 // rune index of the first match
	if spans := MatchSpans(line, terms); len(spans) > 0 {
		at = utf8.RuneCountInString(line[:spans[0][0]])
	}
	// Start a quarter of the way back, at a word's start if one is near.
	start := 0
	if at > limit/4 {
		start = at - limit/4
		for k := start; k > 0 && k > start-12; k-- {
			if runes[k-1] == ' ' {
				start = k
				break
			}
		}
	}
	start = max(min(start, len(runes)-(limit-1)), 0) // no room left unused at the end
	lead := ""
	room := limit
	if start > 0 {
		lead = "…"
		room--
	}
	end := start + room
	tail := ""
	if end < len(runes) {
		end-- // room for the closing "…"
		tail = "…"
	}
	return lead + strings.TrimSpace(string(runes[start:end])) + tail
}

// FirstMatch finds where in a session to show a search hit: the item (in
// the order of the guide, then unknown prompts, the record and addenda)
// whose text holds the most of the terms, the first such on a tie (but the
// meeting record's before the private notes', see NewHit), and a Snippet
// of it. itemID is a prompt id, "action", "record" or "addendum"; stage is
// the prompt's stage id ("unknown" if the guide does not know it),
// "actions" for an action and "record" for the record and addenda. With no
// terms, or no match, all three are "".
func FirstMatch(g *Guide, s Session, terms []string) (itemID, stage, snippet string) {
	itemID, stage, snippet, _ = firstMatch(g, &s, terms)
	return itemID, stage, snippet
}

// NewHit is the search hit for session s, whose list entry is sum: where
// its first match is (FirstMatch), and whether that is in the manager's
// private notes (the prep or the reflection), which a list of hits names
// without showing their words.
func NewHit(g *Guide, sum Summary, s Session, terms []string) Hit {
	h := Hit{Summary: sum}
	h.ItemID, h.Stage, h.Snippet, h.Private = firstMatch(g, &s, terms)
	return h
}

func firstMatch(g *Guide, s *Session, terms []string) (itemID, stage, snippet string, private bool) {
	if len(terms) == 0 {
		return "", "", "", false
	}
	best := 0
	try := func(id, st, text string, inPrivate bool) {
		if text == "" || best == len(terms) && !(private && !inPrivate) {
			return
		}
		// A tie goes to the meeting record, so a hit shows their words
		// where it can rather than a label for private ones.
		if n := countTerms(text, terms); n > best || n == best && n > 0 && private && !inPrivate {
			best, itemID, stage, snippet, private = n, id, st, text, inPrivate
		}
	}
	answer := func(id, st string) {
		a, part := s.answerPart(id)
		try(id, st, a.Text, part != PartRecord)
	}
	seen := map[string]bool{}
	actionsDone := false
	if g != nil {
		for _, st := range g.Stages {
			for _, it := range st.Items {
				seen[it.ID] = true
				if it.Kind == KindActions {
					for _, a := range s.Actions {
						try("action", st.ID, a.Text, false)
						try("action", st.ID, a.Reason, false)
					}
					actionsDone = true
					continue
				}
				answer(it.ID, st.ID)
			}
		}
	}
	if !actionsDone {
		for _, a := range s.Actions {
			try("action", "actions", a.Text, false)
			try("action", "actions", a.Reason, false)
		}
	}
	for _, id := range s.AnswerIDs() {
		if !seen[id] {
			answer(id, "unknown")
		}
	}
	for _, a := range s.Addenda {
		try("addendum", "record", a.Text, false)
	}
	if best == 0 {
		return "", "", "", false
	}
	return itemID, stage, Snippet(snippet, terms, SnippetLen), private
}

// ParseSearch splits what was typed in a search box into words and date
// filters: "rota since:1/9 until:yesterday" looks for "rota" from the most
// recent 1 September to yesterday. The filters look back (ParsePastDate):
// since:2w is two weeks ago, since:fri the most recent Friday; until:
// includes the whole of its day. Words of a filter join with "_", as in
// since:last_week. problem names a filter that could not be read (it is
// left out); the rest of the query still stands.
func ParseSearch(in string, today Date) (q SearchQuery, problem string) {
	var words []string
	for _, f := range strings.Fields(in) {
		low := strings.ToLower(f)
		if !strings.HasPrefix(low, "since:") && !strings.HasPrefix(low, "until:") {
			words = append(words, f)
			continue
		}
		d, err := ParsePastDate(strings.ReplaceAll(f[len("since:"):], "_", " "), today)
		if err != nil || d.IsZero() {
			problem = "“" + strings.ToValidUTF8(strings.Map(printable, f), "?") + "” is not a date filter attend can read (try since:1/9 or since:2w)"
			continue
		}
		if low[0] == 's' {
			q.Since = d
		} else {
			q.Until = d
		}
	}
	q.Text = strings.Join(words, " ")
	return q, problem
}

// printable drops control characters from text shown back to the manager.
func printable(r rune) rune {
	if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
		return -1
	}
	return r
}
