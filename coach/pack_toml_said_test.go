package coach

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"attend/coach/msg"
)

// Each of go-toml's sentences has its words in the catalogue: the
// English, filled in, is go-toml's sentence as it wrote it, and the Welsh
// is different words with the same blanks.
func TestTOMLComplaintsAreInTheCatalogue(t *testing.T) {
	en, cy := msg.New("en"), msg.New("cy")
	verbs := regexp.MustCompile(`%#U|%q|%d`)
	samples := map[string]any{"%#U": 'x', "%q": "true", "%d": 32}
	for _, k := range tomlKinds {
		var args, caught []any
		for _, v := range verbs.FindAllString(k.format, -1) {
			args = append(args, samples[v])
			caught = append(caught, fmt.Sprintf(v, samples[v]))
		}
		said := fmt.Sprintf(k.format, args...)
		if got := fmt.Sprintf(en.T(k.id), caught...); got != said {
			t.Errorf("%s: the catalogue's English is %q, go-toml's %q", k.id, got, said)
		}
		welsh := tomlWhy(said).in(cy)
		if welsh == said || welsh == k.id || strings.Contains(welsh, "%!") {
			t.Errorf("%s: Welsh %q", k.id, welsh)
		}
		for _, c := range caught {
			if !strings.Contains(welsh, c.(string)) {
				t.Errorf("%s: Welsh %q leaves out %q", k.id, welsh, c)
			}
		}
		if got := tomlWhy(said).in(en); got != said {
			t.Errorf("%s: English changed to %q", k.id, got)
		}
	}
	// A sentence attend does not know stays as go-toml wrote it.
	if got := tomlWhy("something new").in(cy); got != "something new" {
		t.Errorf("an unknown complaint: %q", got)
	}
}

// A pack that is not valid TOML is refused in Welsh: the line where
// go-toml found the fault, then its kind in Welsh, with what it quotes
// from the file as the file has it. In English it is go-toml's sentence.
func TestPackNotTOMLInWelsh(t *testing.T) {
	en, cy := msg.New("en"), msg.New("cy")
	base := builtinPackTOML(t)
	for _, c := range []struct{ old, new, en, cy string }{
		{`name = "Ours"`, `name = "Ours`, "basic strings cannot have new lines", "all testun rhwng dyfynodau ddim mynd dros ddiwedd llinell"},
		{`name = "Ours"`, `name = Ours`, "unexpected character U+004F 'O' at start of value", "nod annisgwyl U+004F 'O' ar ddechrau gwerth"},
		{`name = "Ours"`, `name "Ours"`, "expected '=' after key", "roedd angen '=' ar ôl yr allwedd"},
		{`name = "Ours"`, `name = 007`, "integers cannot have leading zeroes", "all rhif cyfan ddim dechrau â 0"},
		{`name = "Ours"`, `name = "Ours\q"`, "invalid escape character U+0071 'q'", "nod dianc annilys U+0071 'q'"},
		{`name = "Ours"`, `name = "Ours" x`, "expected newline but got U+0078 'x'", "roedd angen diwedd llinell yma, nid U+0078 'x'"},
	} {
		raw := edit(t, base, c.old, c.new)
		_, faults := ParsePack(raw)
		if len(faults) != 1 {
			t.Fatalf("%q: faults %v", c.new, faults)
		}
		f := faults[0]
		line := lineOfText(raw, c.new)
		if want := fmt.Sprintf("line %d: this is not valid TOML: %s", line, c.en); f.Text(en) != want {
			t.Errorf("%q in English: %q, want %q", c.new, f.Text(en), want)
		}
		got := f.Text(cy)
		if want := fmt.Sprintf("llinell %d: dydy hyn ddim yn TOML dilys: ", line); !strings.HasPrefix(got, want) || !strings.Contains(got, c.cy) {
			t.Errorf("%q in Welsh: %q, want %q…%q", c.new, got, want, c.cy)
		}
		for _, w := range []string{"expected", "strings", "cannot", "invalid", "after", "value"} {
			if strings.Contains(got, w) {
				t.Errorf("%q in Welsh says %q: %q", c.new, w, got)
			}
		}
	}
}
