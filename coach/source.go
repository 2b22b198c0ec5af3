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

// SourceTextIn is SourceText with its own words in a language, the details
// in brackets too (glossIn).
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
		out = append(out, glossIn(l, strings.TrimSpace(part)))
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
			// West's words published by the King's Fund: one colon, not
			// "West…: King's Fund: self-care".
			{regexp.MustCompile(`^seed ~[\d\-, ~]+\(King's Fund: (.*)\)$`), "source.west", "WHO (King's Fund): $1"},
			{regexp.MustCompile(`^seed ~[\d\-, ~]+\((.*)\)$`), "source.west", "WHO: $1"},
			{regexp.MustCompile(`^seed ~[\d\-, ~]+$`), "source.west", "WHO"},
			{regexp.MustCompile(`^King's Fund ABC.*\((.*)\)$`), "source.abc", "WHO: $1"},
			{regexp.MustCompile(`^King's Fund ABC.*$`), "source.abc.all", "WHO"},
			{regexp.MustCompile(`^HEIW (behaviours )?compass:?\s*(.+)$`), "source.heiw", "WHO: $2"},
			{regexp.MustCompile(`^HEIW (behaviours )?compass$`), "source.heiw", "WHO"},
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

// glossIn says in l the gloss a source ends with: the prompt files give it
// (in brackets) in English, the same in every language, since a reference
// is a reference; these are its words in the catalogue. The titles of
// publications ("SCIE guide 50, Recording supervision") stay as they are.
func glossIn(l *msg.Lang, part string) string {
	if l == nil || l.Code == "en" {
		return part
	}
	for i := 0; ; {
		if id, ok := glosses[part[i:]]; ok {
			return part[:i] + l.T(id)
		}
		j := strings.Index(part[i:], ": ")
		if j < 0 {
			return part
		}
		i += j + 2
	}
}

// glosses are the catalogue ids of the prompt files' glosses.
var glosses = map[string]string{
	"look after yourself, it is ok to be human": "source.gloss.human",
	"being present": "source.gloss.present",
	"self-care":     "source.gloss.selfcare",
	"ok to make mistakes and learn from them": "source.gloss.mistakes",
	"attending: listening with fascination":   "source.gloss.fascination",
	"staff set agendas":                       "source.gloss.agendas",
	"Welsh language":                          "source.gloss.welsh",
	"understanding through dialogue":          "source.gloss.dialogue",
	"not from a hierarchical position afar":   "source.gloss.afar",
	"stakeholders":                            "source.gloss.stakeholders",
	"empathising":                             "source.gloss.empathising",
	"a sense of safety":                       "source.gloss.safety",
	"empathy without being overwhelmed":       "source.gloss.overwhelmed",
	"removing obstacles, finding resources":   "source.gloss.obstacles",
	"mediation":                               "source.gloss.mediation",
	"autonomy":                                "source.gloss.autonomy",
	"helping":                                 "source.gloss.helping",
	"chronic excessive workloads":             "source.gloss.workloads",
	"inclusive leadership":                    "source.gloss.inclusive",
	"development":                             "source.gloss.development",
	"Regulation 36 guidance":                  "source.gloss.reg36",
	"listening":                               "source.gloss.listening",
	"times for reflection and review":         "source.gloss.reflection",
}
