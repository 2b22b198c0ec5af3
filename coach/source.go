package coach

import (
	"regexp"
	"strings"
)

// SourceText says where a prompt comes from in words a manager reads at a
// glance: "seed ~145-165 (empathising)" is Michael West's talk on
// empathising. The prompt files keep the exact reference (line ranges of
// the transcript, sections of the project's brief) for anyone checking;
// this drops the bookkeeping and keeps what it means.
func SourceText(src string) string {
	var out []string
	for _, part := range strings.Split(src, ";") {
		part = strings.TrimSpace(briefRef.ReplaceAllString(part, ""))
		part = strings.TrimSpace(strings.Trim(emptyParens.ReplaceAllString(part, ""), " ,"))
		if part == "" || strings.HasPrefix(part, "retired") {
			continue
		}
		for _, r := range sourceWords {
			if r.re.MatchString(part) {
				part = r.re.ReplaceAllString(part, r.with)
				break
			}
		}
		out = append(out, strings.TrimSpace(part))
	}
	return strings.Join(out, "; ")
}

var (
	// "domain brief §6 A1", "(domain brief §3)", ", domain brief §1"
	briefRef    = regexp.MustCompile(`,?\s*\(?domain brief §\d+(\s+[A-Z]\d)?\)?`)
	emptyParens = regexp.MustCompile(`\(\s*\)`)
	sourceWords = []struct {
		re   *regexp.Regexp
		with string
	}{
		{regexp.MustCompile(`^seed ~[\d\-, ~]+\((.*)\)$`), "Michael West on compassionate leadership: $1"},
		{regexp.MustCompile(`^seed ~[\d\-, ~]+$`), "Michael West on compassionate leadership"},
		{regexp.MustCompile(`^King's Fund ABC.*\((.*)\)$`), "The King's Fund's ABC of core needs: $1"},
		{regexp.MustCompile(`^King's Fund ABC.*$`), "The King's Fund's ABC of core needs (autonomy, belonging, contribution)"},
		{regexp.MustCompile(`^HEIW (behaviours )?compass:?\s*`), "HEIW's compassionate leadership compass "},
		{regexp.MustCompile(`^Wales principle \d+\s*\((.*)\)$`), "Welsh supervision principles: $1"},
		{regexp.MustCompile(`^Wales principle \d+$`), "Welsh supervision principles"},
		{regexp.MustCompile(`^4x4x4 supervision\s*\((.*)\)$`), "the 4x4x4 model of supervision: $1"},
		{regexp.MustCompile(`^ICO$`), "the Information Commissioner's Office"},
		{regexp.MustCompile(`^\((.*)\)$`), "$1"},
	}
)
