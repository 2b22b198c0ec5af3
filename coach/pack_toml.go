package coach

// Reading a prompt pack's TOML: every value with the line it stands on,
// so that each fault can name its line and field.

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// field is one value from the file, with its line.
type field struct {
	line int
	kind byte // 's' text, 'b' true/false, 'a' list of text
	str  string
	strs []string
	b    bool
}

type rawTable struct {
	line   int
	name   string // for faults, e.g. "en.stages[2]"
	fields map[string]field
}

type rawStage struct {
	rawTable
	prompts []*rawTable
}

type rawGuide struct {
	lang    string
	line    int
	meta    *rawTable
	parts   []*rawTable
	stages  []*rawStage
	retired []*rawTable
}

type rawPack struct {
	top    *rawTable
	guides map[string]*rawGuide
	order  []string
}

// scanPack walks the file expression by expression, keeping each value
// with its line.
func scanPack(data []byte) (raw *rawPack, faults []PackFault, syntax bool) {
	var p unstable.Parser
	p.Reset(data)
	raw = &rawPack{top: &rawTable{line: 1, fields: map[string]field{}}, guides: map[string]*rawGuide{}}
	lineOf := func(n *unstable.Node) (line int) {
		defer func() {
			if recover() != nil {
				line = 0
			}
		}()
		return p.Shape(n.Raw).Start.Line
	}
	fault := func(line int, name, format string, args ...any) {
		faults = append(faults, packFault(line, name, format, args...))
	}
	guide := func(lang string, line int) *rawGuide {
		g := raw.guides[lang]
		if g == nil {
			g = &rawGuide{lang: lang, line: line}
			raw.guides[lang] = g
			raw.order = append(raw.order, lang)
		}
		return g
	}
	cur := raw.top
	seenTables := map[string]bool{}
	for p.NextExpression() {
		e := p.Expression()
		var keys []string
		line := 0
		it := e.Key()
		for it.Next() {
			if line == 0 {
				line = lineOf(it.Node())
			}
			keys = append(keys, string(it.Node().Data))
		}
		path := strings.Join(keys, ".")
		switch e.Kind {
		case unstable.Table:
			cur = nil
			if len(keys) != 1 {
				fault(line, path, "attend does not know this table: a pack has one table per language, such as [en] or [cy]")
				continue
			}
			if seenTables[path] {
				fault(line, path, "the table [%s] appears twice", path)
				continue
			}
			seenTables[path] = true
			g := guide(keys[0], line)
			g.meta = &rawTable{line: line, name: path, fields: map[string]field{}}
			cur = g.meta
		case unstable.ArrayTable:
			cur = nil
			if len(keys) < 2 {
				fault(line, path, "attend does not know this list: use [[en.parts]], [[en.stages]], [[en.stages.prompts]] or [[en.retired]]")
				continue
			}
			g := guide(keys[0], line)
			t := &rawTable{line: line, fields: map[string]field{}}
			switch strings.Join(keys[1:], ".") {
			case "parts":
				t.name = fmt.Sprintf("%s.parts[%d]", keys[0], len(g.parts)+1)
				g.parts = append(g.parts, t)
			case "stages":
				t.name = fmt.Sprintf("%s.stages[%d]", keys[0], len(g.stages)+1)
				g.stages = append(g.stages, &rawStage{rawTable: *t})
				t = &g.stages[len(g.stages)-1].rawTable
			case "stages.prompts":
				if len(g.stages) == 0 {
					fault(line, path, "a prompt comes after the [[%s.stages]] it belongs to", keys[0])
					continue
				}
				st := g.stages[len(g.stages)-1]
				t.name = fmt.Sprintf("%s.prompts[%d]", st.name, len(st.prompts)+1)
				st.prompts = append(st.prompts, t)
			case "retired":
				t.name = fmt.Sprintf("%s.retired[%d]", keys[0], len(g.retired)+1)
				g.retired = append(g.retired, t)
			default:
				fault(line, path, "attend does not know this list: use [[%[1]s.parts]], [[%[1]s.stages]], [[%[1]s.stages.prompts]] or [[%[1]s.retired]]", keys[0])
				continue
			}
			cur = t
		case unstable.KeyValue:
			if cur == nil {
				continue // under a table already reported
			}
			name := path
			if cur.name != "" {
				name = cur.name + "." + path
			}
			if len(keys) != 1 {
				fault(line, name, "write each field on its own, as key = value, not a dotted key")
				continue
			}
			if _, dup := cur.fields[keys[0]]; dup {
				fault(line, name, "%s is given twice", keys[0])
				continue
			}
			f, ok := fieldOf(e.Value())
			if !ok {
				fault(line, name, "want text in quotes, true or false, or a list of text in [ ]")
				continue
			}
			f.line = line
			cur.fields[keys[0]] = f
		}
	}
	if err := p.Error(); err != nil {
		syntax = true
		line := 0
		if pe, ok := err.(*unstable.ParserError); ok && len(pe.Highlight) > 0 {
			func() {
				defer func() { _ = recover() }()
				line = p.Shape(p.Range(pe.Highlight)).Start.Line
			}()
			fault(line, strings.Join(pe.Key, "."), "this is not valid TOML: %s", tomlWhy(pe.Message))
		} else {
			fault(0, "", "this is not valid TOML: %v", err)
		}
	}
	return raw, faults, syntax
}

func fieldOf(v *unstable.Node) (field, bool) {
	switch v.Kind {
	case unstable.String:
		return field{kind: 's', str: string(v.Data)}, true
	case unstable.Bool:
		return field{kind: 'b', b: string(v.Data) == "true"}, true
	case unstable.Array:
		f := field{kind: 'a', strs: []string{}}
		it := v.Children()
		for it.Next() {
			n := it.Node()
			if n.Kind != unstable.String {
				return field{}, false
			}
			f.strs = append(f.strs, string(n.Data))
		}
		return f, true
	}
	return field{}, false
}

// tableReader takes a table's fields one by one, noting faults, and at the
// end names any field attend does not know.
type tableReader struct {
	t      *rawTable
	used   map[string]bool
	faults *[]PackFault
}

func (r *tableReader) fault(key, format string, args ...any) {
	line, name := r.t.line, r.t.name
	if f, ok := r.t.fields[key]; ok {
		line = f.line
	}
	if key != "" {
		if name != "" {
			name += "."
		}
		name += key
	}
	*r.faults = append(*r.faults, packFault(line, name, format, args...))
}

func (r *tableReader) str(key string, required bool) string {
	r.used[key] = true
	f, ok := r.t.fields[key]
	switch {
	case !ok:
		if required {
			r.fault(key, "is missing")
		}
		return ""
	case f.kind != 's':
		r.fault(key, "want text in quotes")
		return ""
	case required && strings.TrimSpace(f.str) == "":
		r.fault(key, "is empty")
	}
	return f.str
}

func (r *tableReader) boolean(key string) bool {
	r.used[key] = true
	f, ok := r.t.fields[key]
	if ok && f.kind != 'b' {
		r.fault(key, "want true or false")
		return false
	}
	return f.b
}

func (r *tableReader) list(key string) []string {
	r.used[key] = true
	f, ok := r.t.fields[key]
	if ok && f.kind != 'a' {
		r.fault(key, "want a list of text, such as [\"one\", \"two\"]")
		return nil
	}
	return f.strs
}

func (r *tableReader) done() {
	var extra []string
	for k := range r.t.fields {
		if !r.used[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		r.fault(k, "attend does not know this field")
	}
}

func reader(t *rawTable, faults *[]PackFault) *tableReader {
	return &tableReader{t: t, used: map[string]bool{}, faults: faults}
}
