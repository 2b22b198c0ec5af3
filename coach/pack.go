package coach

import (
	"fmt"
	"sort"
	"strings"
	"sync"

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
		switch w := a.(type) {
		case packWhy:
			a = string(w)
		case tomlWhy:
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
		switch w := a.(type) {
		case packWhy:
			if wid, ok := packFaultIDs[string(w)]; ok {
				a = l.T(wid)
			} else {
				a = string(w)
			}
		case tomlWhy:
			a = w.in(l)
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
