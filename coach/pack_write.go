package coach

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// WritePack writes guides as a prompt pack in TOML, with comments saying
// what may be changed, ready to edit by hand and read back by ParsePack.
func WritePack(w io.Writer, name, version string, guides []*Guide) error {
	var b strings.Builder
	b.WriteString(`# An attend prompt pack: your organisation's own prompts.
#
# Edit it by hand, then check it:   attend prompts check THIS-FILE
# and use it with --prompts FILE, ATTEND_PROMPTS=FILE, or by saving it as
# $XDG_CONFIG_HOME/attend/prompts.toml (~/.config/attend/prompts.toml).
#
# You can reword any prompt, hint, title or guidance; add prompts to any
# stage (give each a new id starting with its stage, such as
# "help.training"); hide a prompt (hidden = true: it is no longer asked, but
# answers already written to it still show with it); and say which are core
# (core = true: the quick prep shows those, at most 8 in the prep).
#
# What stays: the three parts (prep, record, reflection), every stage in
# its order, among them the four behaviours (attend, understand,
# empathise, help), each with at least one prompt showing, and the prompts
# attend relies on (agenda.said, agenda.help, the needs ratings,
# actions.list, close.next, checkin.energy, reflect.leaving): reword those,
# but keep them. attend refuses a pack that takes them away, and says where.
#
# Sessions keep the wording each prompt had when it was answered, so
# changing a prompt here never changes what an old record says.
#
# A pack can hold more than one language: a table for each, [en], [cy].
# Languages it does not hold use attend's own prompts.

`)
	fmt.Fprintf(&b, "# What exports call this pack, and its version: change the version\n# whenever you change the pack.\nname = %s\nversion = %s\n", tomlQuote(name), tomlQuote(version))
	for _, g := range guides {
		writeGuide(&b, g)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeGuide(b *strings.Builder, g *Guide) {
	l := g.Lang
	fmt.Fprintf(b, "\n\n# ==== %s ====\n\n[%s]\nname = %s\nreview_title = %s\n", l, l, tomlQuote(g.Name), tomlQuote(g.ReviewTitle))
	if g.Note != "" {
		fmt.Fprintf(b, "note = %s\n", tomlQuote(g.Note))
	}
	b.WriteString("\n# The three parts: reword their titles and labels, keep all three.\n")
	for _, p := range g.Parts {
		fmt.Fprintf(b, "\n[[%s.parts]]\nid = %s\ntitle = %s\nlabel = %s\n", l, tomlQuote(string(p.ID)), tomlQuote(p.Title), tomlQuote(p.Label))
	}
	hidden := map[string]bool{}
	for i, st := range g.Stages {
		fmt.Fprintf(b, "\n# ---- %s: %s (%s)\n", st.ID, st.Title, st.Part)
		if slices.Contains(behaviourStages, st.ID) {
			b.WriteString("# One of the four behaviours: keep at least one prompt showing.\n")
		}
		fmt.Fprintf(b, "\n[[%s.stages]]\nid = %s\npart = %s\ntitle = %s\nguidance = %s\n", l, tomlQuote(st.ID), tomlQuote(string(st.Part)), tomlQuote(st.Title), tomlList(st.Guidance))
		for _, it := range g.StageItems(i) {
			if it.Hidden {
				hidden[it.ID] = true
			}
			b.WriteString("\n")
			if _, ok := requiredItems[it.ID]; ok {
				b.WriteString("  # attend relies on this prompt: reword it, but keep it.\n")
			}
			writeItem(b, "  ", fmt.Sprintf("[[%s.stages.prompts]]", l), it, true)
		}
	}
	var retired []Item
	for _, it := range g.Retired {
		if !hidden[it.ID] {
			retired = append(retired, it)
		}
	}
	if len(retired) > 0 {
		b.WriteString("\n# ---- Prompts no longer asked, kept so that old answers read with them.\n")
		for _, it := range retired {
			b.WriteString("\n")
			writeItem(b, "", fmt.Sprintf("[[%s.retired]]", l), it, false)
		}
	}
}

func writeItem(b *strings.Builder, indent, header string, it Item, asked bool) {
	fmt.Fprintf(b, "%s%s\n", indent, header)
	kv := func(k, v string) { fmt.Fprintf(b, "%s%s = %s\n", indent, k, v) }
	kv("id", tomlQuote(it.ID))
	if it.Kind != "" {
		kv("kind", tomlQuote(string(it.Kind)))
	}
	kv("prompt", tomlQuote(it.Prompt))
	if it.Hint != "" {
		kv("hint", tomlQuote(it.Hint))
	}
	if len(it.Scale) > 0 {
		kv("scale", tomlList(it.Scale))
	}
	if asked {
		kv("core", fmt.Sprint(it.Core))
		if it.Hidden {
			kv("hidden", "true")
		}
	}
	kv("source", tomlQuote(it.Source))
	if it.Draft {
		kv("draft", "true")
	}
}

// tomlQuote writes s as a TOML basic string.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\uFFFD`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tomlList(list []string) string {
	if len(list) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteString("[\n")
	for _, s := range list {
		fmt.Fprintf(&b, "  %s,\n", tomlQuote(s))
	}
	b.WriteString("]")
	return b.String()
}
