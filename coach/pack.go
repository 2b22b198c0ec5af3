package coach

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2/unstable"

	"attend/coach/msg"
)

// A prompt pack is an organisation's own prompt set, in TOML so that people
// can edit it by hand: it can reword, add and hide prompts and say which
// are core, for one language or several. The three parts, their stages
// (among them the four behaviours: attend, understand, empathise, help) and
// the prompts attend relies on (what they said, what would help, the
// ratings, the actions, the next date, your energy and how you are leaving)
// stay: a pack that takes them away is refused.
//
// The file is read with go-toml's parser, which gives the line of every
// key, so that every fault names its line and field. Its shape:
//
//	name = "Our supervision prompts"
//	version = "3"
//	[en]                      # one table per language
//	name = "…"                # the guide's own fields
//	[[en.parts]]              # the three parts
//	[[en.stages]]             # every stage, in order
//	[[en.stages.prompts]]     # that stage's prompts, in order
//	[[en.retired]]            # prompts no longer asked

// Pack is a prompt set for one or more languages.
type Pack struct {
	Name    string
	Version string
	// Path is the file it was read from ("" for attend's own prompts).
	Path   string
	Guides map[string]*Guide
}

// Langs are the pack's languages, sorted.
func (p *Pack) Langs() []string {
	var out []string
	for l := range p.Guides {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// BuiltinPackName names attend's own prompts in exports.
const BuiltinPackName = "attend"

// PackFault is one thing wrong with a pack: where, which field, and what.
type PackFault struct {
	Line  int    // 1-based; 0 when it is about the file as a whole
	Field string // e.g. "en.stages[3].prompts[2].prompt"
	Msg   string

	// format and args are Msg before it was filled in, for Text.
	format string
	args   []any
}

// packFault is a fault whose message is format filled in with args; a
// packWhy among them is said in the language too.
func packFault(line int, field, format string, args ...any) PackFault {
	plain := make([]any, len(args))
	for i, a := range args {
		if w, ok := a.(packWhy); ok {
			a = string(w)
		}
		plain[i] = a
	}
	return PackFault{Line: line, Field: field, Msg: fmt.Sprintf(format, plain...), format: format, args: args}
}

// packWhy is the reason given in a fault, itself a message.
type packWhy string

// Text is the fault in l, as String is in English: the words of a fault
// are in the catalogue (coach.pack.…) under the id packFaultIDs gives
// their English; what the pack holds (ids, fields, TOML's own complaint)
// is quoted as it is.
func (f PackFault) Text(l *msg.Lang) string {
	if l == nil || l.Code == "en" {
		return f.String()
	}
	var b strings.Builder
	if f.Line > 0 {
		b.WriteString(l.T("coach.pack.line", "N", f.Line))
	}
	if f.Field != "" {
		b.WriteString(f.Field + ": ")
	}
	b.WriteString(f.MsgIn(l))
	return b.String()
}

// MsgIn is Msg in l.
func (f PackFault) MsgIn(l *msg.Lang) string {
	id, ok := packFaultIDs[f.format]
	if !ok || l == nil || l.Code == "en" {
		return f.Msg
	}
	args := make([]any, len(f.args))
	for i, a := range f.args {
		if w, ok := a.(packWhy); ok {
			if wid, ok := packFaultIDs[string(w)]; ok {
				a = l.T(wid)
			} else {
				a = string(w)
			}
		}
		args[i] = a
	}
	return fmt.Sprintf(l.T(id), args...)
}

func (f PackFault) String() string {
	var b strings.Builder
	if f.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", f.Line)
	}
	if f.Field != "" {
		b.WriteString(f.Field + ": ")
	}
	b.WriteString(f.Msg)
	return b.String()
}

// PackError is a pack that cannot be used, with every fault found.
type PackError struct {
	Path   string
	Faults []PackFault
}

func (e *PackError) Error() string {
	if len(e.Faults) == 0 {
		return fmt.Sprintf("prompt pack %s cannot be used", e.Path)
	}
	more := ""
	if n := len(e.Faults) - 1; n > 0 {
		more = fmt.Sprintf(" (and %d more: attend prompts check %s)", n, e.Path)
	}
	return fmt.Sprintf("prompt pack %s cannot be used: %s%s", e.Path, e.Faults[0], more)
}

// Text is the error in l, as Error is in English.
func (e *PackError) Text(l *msg.Lang) string {
	if l == nil || l.Code == "en" {
		return e.Error()
	}
	if len(e.Faults) == 0 {
		return l.T("coach.pack.unusable", "Path", e.Path)
	}
	more := ""
	if n := len(e.Faults) - 1; n > 0 {
		more = l.T("coach.pack.more", "N", n, "Path", e.Path)
	}
	return l.T("coach.pack.unusable.fault", "Path", e.Path, "Fault", e.Faults[0].Text(l), "More", more)
}

// MaxPackSize bounds a pack file: a full pack is about 40 KB.
const MaxPackSize = 1 << 20

// ---- the active pack

var (
	packMu sync.RWMutex
	active *Pack
)

// UsePack makes p the prompts LoadGuide gives for the languages it holds
// (nil goes back to attend's own). Call it once, at start.
func UsePack(p *Pack) {
	packMu.Lock()
	defer packMu.Unlock()
	active = p
}

// ActivePack is the pack in use, or nil for attend's own prompts.
func ActivePack() *Pack {
	packMu.RLock()
	defer packMu.RUnlock()
	return active
}

// PackLabel names the prompts in use for an export: the pack's name and
// version, or attend's own.
func PackLabel() (name, version string) {
	if p := ActivePack(); p != nil {
		return p.Name, p.Version
	}
	return BuiltinPackName, "built in"
}

// ---- reading

// ParsePack reads a pack. Every fault found is returned (the pack is nil
// if there are any), each with its line and field.
func ParsePack(data []byte) (*Pack, []PackFault) {
	if len(data) > MaxPackSize {
		return nil, []PackFault{packFault(0, "", "the file is %d bytes, more than a pack can be (%d)", len(data), MaxPackSize)}
	}
	raw, faults, syntax := scanPack(data)
	if !syntax { // after a syntax error the rest of the file is unread
		p, more := buildPack(raw)
		if faults = append(faults, more...); len(faults) == 0 {
			return p, nil
		}
	}
	sort.SliceStable(faults, func(i, j int) bool { return faults[i].Line < faults[j].Line })
	return nil, faults
}

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
			fault(line, strings.Join(pe.Key, "."), "this is not valid TOML: %s", pe.Message)
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

// behaviourStages are the stages of West's four behaviours, which every
// pack keeps with at least one prompt showing.
var behaviourStages = []string{"attend", "understand", "empathise", "help"}

// requiredItems are the prompts attend itself relies on, with their kind.
var requiredItems = func() map[string]ItemKind {
	m := map[string]ItemKind{SaidID: KindText, HelpID: KindText, NextID: KindDate, ActionsID: KindActions, EnergyID: KindRating, LeavingID: KindRating}
	for _, id := range NeedIDs {
		m[id] = KindRating
	}
	return m
}()

func buildPack(raw *rawPack) (*Pack, []PackFault) {
	var faults []PackFault
	top := reader(raw.top, &faults)
	pk := &Pack{Name: top.str("name", true), Version: top.str("version", true), Guides: map[string]*Guide{}}
	top.done()
	if len(raw.order) == 0 {
		faults = append(faults, packFault(0, "", "the pack has no language: add a table such as [en], with its parts, stages and prompts"))
	}
	for _, lang := range raw.order {
		if g := buildGuide(raw.guides[lang], &faults); g != nil {
			pk.Guides[lang] = g
		}
	}
	if len(faults) > 0 {
		return nil, faults
	}
	return pk, nil
}

func validLang(l string) bool {
	if len(l) < 2 || len(l) > 3 {
		return false
	}
	for _, c := range l {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func buildGuide(rg *rawGuide, faults *[]PackFault) *Guide {
	before := len(*faults)
	add := func(line int, name, format string, args ...any) {
		*faults = append(*faults, packFault(line, name, format, args...))
	}
	lang := rg.lang
	if !validLang(lang) {
		add(rg.line, lang, "a language is two or three lower-case letters, such as en or cy")
		return nil
	}
	g := &Guide{Lang: lang}
	if rg.meta == nil {
		add(rg.line, lang, "the table [%s] is missing: it holds the prompt set's name and review_title", lang)
	} else {
		r := reader(rg.meta, faults)
		g.Name = r.str("name", true)
		g.ReviewTitle = r.str("review_title", true)
		g.Note = r.str("note", false)
		r.done()
	}

	seenPart := map[Part]bool{}
	for _, t := range rg.parts {
		r := reader(t, faults)
		pi := PartInfo{ID: Part(r.str("id", true)), Title: r.str("title", true), Label: r.str("label", true)}
		switch {
		case pi.ID == "":
		case !pi.ID.Valid():
			r.fault("id", "%q is not a part: the parts are prep, record and reflection", pi.ID)
		case seenPart[pi.ID]:
			r.fault("id", "the part %q is given twice", pi.ID)
		}
		seenPart[pi.ID] = true
		r.done()
		g.Parts = append(g.Parts, pi)
	}
	for _, p := range Parts {
		if !seenPart[p] {
			add(rg.line, lang+".parts", "the part %q is missing: the three parts (prep, record, reflection) stay", p)
		}
	}

	ids := map[string]string{} // item id → where it was first given
	core := 0
	var lastCore *tableReader
	hidden := map[string]bool{}
	g.full = make([][]Item, 0, len(rg.stages))
	seenStage := map[string]bool{}
	for si, rs := range rg.stages {
		r := reader(&rs.rawTable, faults)
		st := Stage{ID: r.str("id", true), Part: Part(r.str("part", true)), Title: r.str("title", true), Guidance: r.list("guidance")}
		if st.Guidance == nil {
			st.Guidance = []string{}
		}
		r.done()
		switch {
		case st.ID == "":
		case seenStage[st.ID]:
			r.fault("id", "the stage %q is given twice", st.ID)
		case !contains(StageIDs, st.ID):
			r.fault("id", "%q is not one of attend's stages (%s): add prompts to a stage rather than new stages", st.ID, strings.Join(StageIDs, ", "))
		case si < len(StageIDs) && st.ID != StageIDs[si]:
			r.fault("id", "stage %d is %q, want %q: the stages stay in attend's order", si+1, st.ID, StageIDs[si])
		}
		seenStage[st.ID] = true
		if st.ID != "" && st.Part != "" && contains(StageIDs, st.ID) && PartOf(st.ID+".x") != st.Part {
			r.fault("part", "the stage %q is in the part %q, not %q", st.ID, PartOf(st.ID+".x"), st.Part)
		}
		var all []Item
		for _, pt := range rs.prompts {
			pr := reader(pt, faults)
			it := Item{
				ID: pr.str("id", true), Kind: ItemKind(pr.str("kind", true)), Prompt: pr.str("prompt", true),
				Hint: pr.str("hint", false), Scale: pr.list("scale"), Core: pr.boolean("core"),
				Source: pr.str("source", true), Draft: pr.boolean("draft"), Hidden: pr.boolean("hidden"),
			}
			pr.done()
			checkItem(pr, it, st.ID, ids)
			if it.Hidden {
				hidden[it.ID] = true
				if it.Core {
					pr.fault("core", "a hidden prompt cannot be core: say core = false, or show it")
				}
				if _, ok := requiredItems[it.ID]; ok {
					pr.fault("hidden", "attend relies on %s, so it cannot be hidden (reword it instead)", it.ID)
				}
			} else {
				st.Items = append(st.Items, it)
			}
			if it.Core && !it.Hidden && st.Part == PartPrep {
				core++
				lastCore = pr
			}
			all = append(all, it)
		}
		if len(st.Items) == 0 && st.ID != "" {
			why := packWhy("every stage keeps at least one prompt showing")
			if contains(behaviourStages, st.ID) {
				why = "the four behaviours (attend, understand, empathise, help) stay, each with at least one prompt showing"
			}
			r.fault("", "the stage %q has no prompt showing: %s", st.ID, why)
		}
		g.Stages = append(g.Stages, st)
		g.full = append(g.full, all)
	}
	for _, id := range StageIDs {
		if !seenStage[id] {
			why := packWhy("the three parts and their stages stay; hide prompts rather than stages")
			if contains(behaviourStages, id) {
				why = "the four behaviours (attend, understand, empathise, help) stay; hide prompts rather than stages"
			}
			add(rg.line, lang+".stages", "the stage %q is missing: %s", id, why)
		}
	}
	if core > MaxQuickPrep {
		lastCore.fault("core", "the prep has %d core prompts; at most %d make a quick prep", core, MaxQuickPrep)
	}
	var missing []string
	for id := range requiredItems {
		if _, ok := ids[id]; !ok {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	for _, id := range missing {
		add(rg.line, lang, "the prompt %s is missing: attend relies on it (reword it if you like, but keep it)", id)
	}
	for _, t := range rg.retired {
		r := reader(t, faults)
		it := Item{ID: r.str("id", true), Kind: ItemKind(r.str("kind", false)), Prompt: r.str("prompt", true),
			Hint: r.str("hint", false), Scale: r.list("scale"), Source: r.str("source", true), Draft: r.boolean("draft")}
		r.done()
		if _, dup := ids[it.ID]; dup && it.ID != "" {
			r.fault("id", "%s is also a prompt in use", it.ID)
		}
		ids[it.ID] = string(it.Kind)
		g.Retired = append(g.Retired, it)
	}
	// Hidden prompts are retired for this pack: never asked, but answers
	// already written to them still read with their question.
	for _, all := range g.full {
		for _, it := range all {
			if it.Hidden {
				g.Retired = append(g.Retired, it)
			}
		}
	}
	if len(*faults) > before {
		return nil
	}
	if err := g.validate(); err != nil {
		add(rg.line, lang, "%v", err)
		return nil
	}
	return g
}

// checkItem checks one prompt of stage st (ids collects the ids so far,
// with each one's kind).
func checkItem(r *tableReader, it Item, stage string, ids map[string]string) {
	if it.ID != "" {
		if stage != "" && !strings.HasPrefix(it.ID, stage+".") {
			r.fault("id", "%q is in the stage %q, so its id starts %q", it.ID, stage, stage+".")
		} else if len(it.ID) == len(stage)+1 {
			r.fault("id", "%q needs a name after the stage, such as %s.ours", it.ID, stage)
		}
		if _, dup := ids[it.ID]; dup {
			r.fault("id", "%s is given twice", it.ID)
		}
		ids[it.ID] = string(it.Kind)
		if want, ok := requiredItems[it.ID]; ok && it.Kind != "" && it.Kind != want {
			r.fault("kind", "%s is a %s prompt: attend relies on it being one", it.ID, want)
		}
	}
	switch it.Kind {
	case "":
	case KindText, KindDate, KindActions:
		if len(it.Scale) > 0 {
			r.fault("scale", "only a rating has a scale")
		}
	case KindRating:
		if len(it.Scale) != MaxRating {
			r.fault("scale", "a rating needs %d labels, from 1 to %d; this has %d", MaxRating, MaxRating, len(it.Scale))
		}
		for i, l := range it.Scale {
			if strings.TrimSpace(l) == "" {
				r.fault("scale", "label %d is empty", i+1)
			}
		}
	default:
		r.fault("kind", "%q is not a kind: use text, rating, actions or date", it.Kind)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// packFaultIDs are the catalogue ids of the faults' words, by their English
// (a test checks the catalogue's English is the same).
var packFaultIDs = map[string]string{
	"the file is %d bytes, more than a pack can be (%d)":                                                                   "coach.pack.size",
	"attend does not know this table: a pack has one table per language, such as [en] or [cy]":                             "coach.pack.table.unknown",
	"the table [%s] appears twice":                                                                                         "coach.pack.table.twice",
	"attend does not know this list: use [[en.parts]], [[en.stages]], [[en.stages.prompts]] or [[en.retired]]":             "coach.pack.list.unknown",
	"a prompt comes after the [[%s.stages]] it belongs to":                                                                 "coach.pack.prompt.before",
	"attend does not know this list: use [[%[1]s.parts]], [[%[1]s.stages]], [[%[1]s.stages.prompts]] or [[%[1]s.retired]]": "coach.pack.list.unknown.lang",
	"write each field on its own, as key = value, not a dotted key":                                                        "coach.pack.dotted",
	"%s is given twice": "coach.pack.twice",
	"want text in quotes, true or false, or a list of text in [ ]": "coach.pack.value",
	"this is not valid TOML: %s":                                   "coach.pack.toml",
	"this is not valid TOML: %v":                                   "coach.pack.toml.file",
	"is missing":                                                   "coach.pack.missing",
	"want text in quotes":                                          "coach.pack.want.text",
	"is empty":                                                     "coach.pack.empty",
	"want true or false":                                           "coach.pack.want.bool",
	"want a list of text, such as [\"one\", \"two\"]":              "coach.pack.want.list",
	"attend does not know this field":                              "coach.pack.field.unknown",
	"a language is two or three lower-case letters, such as en or cy":                      "coach.pack.lang",
	"the table [%s] is missing: it holds the prompt set's name and review_title":           "coach.pack.lang.missing",
	"%q is not a part: the parts are prep, record and reflection":                          "coach.pack.part.unknown",
	"the part %q is given twice":                                                           "coach.pack.part.twice",
	"the part %q is missing: the three parts (prep, record, reflection) stay":              "coach.pack.part.missing",
	"the stage %q is given twice":                                                          "coach.pack.stage.twice",
	"%q is not one of attend's stages (%s): add prompts to a stage rather than new stages": "coach.pack.stage.unknown",
	"stage %d is %q, want %q: the stages stay in attend's order":                           "coach.pack.stage.order",
	"the stage %q is in the part %q, not %q":                                               "coach.pack.stage.part",
	"a hidden prompt cannot be core: say core = false, or show it":                         "coach.pack.hidden.core",
	"attend relies on %s, so it cannot be hidden (reword it instead)":                      "coach.pack.hidden.needed",
	"the stage %q has no prompt showing: %s":                                               "coach.pack.stage.empty",
	"the stage %q is missing: %s":                                                          "coach.pack.stage.missing",
	"the prep has %d core prompts; at most %d make a quick prep":                           "coach.pack.core.many",
	"the prompt %s is missing: attend relies on it (reword it if you like, but keep it)":   "coach.pack.prompt.missing",
	"%s is also a prompt in use":                                                           "coach.pack.retired.inuse",
	"%q is in the stage %q, so its id starts %q":                                           "coach.pack.id.stage",
	"%q needs a name after the stage, such as %s.ours":                                     "coach.pack.id.name",
	"%s is a %s prompt: attend relies on it being one":                                     "coach.pack.kind.needed",
	"only a rating has a scale":                                                            "coach.pack.scale.only",
	"a rating needs %d labels, from 1 to %d; this has %d":                                  "coach.pack.scale.labels",
	"label %d is empty": "coach.pack.scale.empty",
	"%q is not a kind: use text, rating, actions or date":                                                   "coach.pack.kind.unknown",
	"the pack has no language: add a table such as [en], with its parts, stages and prompts":                "coach.pack.nolang",
	"every stage keeps at least one prompt showing":                                                         "coach.pack.why.stage",
	"the four behaviours (attend, understand, empathise, help) stay, each with at least one prompt showing": "coach.pack.why.behaviour",
	"the three parts and their stages stay; hide prompts rather than stages":                                "coach.pack.why.parts",
	"the four behaviours (attend, understand, empathise, help) stay; hide prompts rather than stages":       "coach.pack.why.behaviours",
}
