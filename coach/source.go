package coach

import (
	"regexp"
	"strings"
	"sync"

	"attend/coach/msg"
)

// SourceText says where a prompt comes from in words a manager reads at a
// glance: "seed ~145-165 (empathising)" is Michael West's talk on
// empathising. The prompt files keep the exact reference (line ranges of
// the transcript, sections of the project's brief) for anyone checking;
// this drops the bookkeeping and keeps what it means.
func SourceText(src string) string { return SourceTextIn(src, english) }

// SourceTextIn is SourceText with its own words in a language (the details
// in brackets come from the prompt file, in the prompt file's language).
func SourceTextIn(src string, l *msg.Lang) string {
	re := sourcePatterns()
	var out []string
	for _, part := range strings.Split(src, ";") {
		part = strings.TrimSpace(re.briefRef.ReplaceAllString(part, ""))
		part = strings.TrimSpace(strings.Trim(re.emptyParens.ReplaceAllString(part, ""), " ,"))
		if part == "" || strings.HasPrefix(part, "retired") {
			continue
		}
		for _, r := range re.words {
			if r.re.MatchString(part) {
				with := strings.ReplaceAll(r.with, "WHO", l.T(r.who))
				part = r.re.ReplaceAllString(part, with)
				break
			}
		}
		out = append(out, strings.TrimSpace(part))
	}
	return strings.Join(out, "; ")
}

// sourcePatterns are compiled when first needed, not at start (every
// command paid for them).
var sourcePatterns = sync.OnceValue(func() sourceREs {
	return sourceREs{
		// "domain brief §6 A1", "(domain brief §3)", ", domain brief §1"
		briefRef:    regexp.MustCompile(`,?\s*\(?domain brief §\d+(\s+[A-Z]\d)?\)?`),
		emptyParens: regexp.MustCompile(`\(\s*\)`),
		words: []sourceWord{
			{regexp.MustCompile(`^seed ~[\d\-, ~]+\((.*)\)$`), "source.west", "WHO: $1"},
			{regexp.MustCompile(`^seed ~[\d\-, ~]+$`), "source.west", "WHO"},
			{regexp.MustCompile(`^King's Fund ABC.*\((.*)\)$`), "source.abc", "WHO: $1"},
			{regexp.MustCompile(`^King's Fund ABC.*$`), "source.abc.all", "WHO"},
			{regexp.MustCompile(`^HEIW (behaviours )?compass:?\s*`), "source.heiw", "WHO "},
			{regexp.MustCompile(`^Wales principle \d+\s*\((.*)\)$`), "source.wales", "WHO: $1"},
			{regexp.MustCompile(`^Wales principle \d+$`), "source.wales", "WHO"},
			{regexp.MustCompile(`^4x4x4 supervision\s*\((.*)\)$`), "source.444", "WHO: $1"},
			{regexp.MustCompile(`^ICO$`), "source.ico", "WHO"},
			{regexp.MustCompile(`^\((.*)\)$`), "source.none", "$1"},
		},
	}
})

type sourceREs struct {
	briefRef, emptyParens *regexp.Regexp
	words                 []sourceWord
}

type sourceWord struct {
	re   *regexp.Regexp
	who  string // the catalogue's name for the source
	with string // WHO is replaced by it
}
