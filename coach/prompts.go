package coach

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

// The prompt sets live in data files, one per language, so that wording can
// be changed (or translated) without touching code. Stored answers are keyed
// by each item's stable id, so rewording a prompt never changes what an old
// answer meant.
//
//go:embed prompts/*.json
var promptFiles embed.FS

// DefaultLang is the language used when none is asked for.
const DefaultLang = "en"

// ItemKind says what sort of answer an item takes.
type ItemKind string

const (
	KindText    ItemKind = "text"    // free text, multi-line
	KindRating  ItemKind = "rating"  // 1 to 5, with a note
	KindActions ItemKind = "actions" // a list of actions with owners and due dates
	KindDate    ItemKind = "date"    // a calendar date
)

// Part is one of the three parts of a session. Each keeps its own answers.
type Part string

const (
	// PartPrep is written before the meeting, private to the manager (but
	// still covered by a subject access request).
	PartPrep Part = "prep"
	// PartRecord is the meeting record, written with the staff member: what
	// agreeing a record seals.
	PartRecord Part = "record"
	// PartReflection is written after the meeting, private to the manager:
	// short and optional.
	PartReflection Part = "reflection"
)

// Parts in the order a session goes through them.
var Parts = []Part{PartPrep, PartRecord, PartReflection}

// Valid reports whether p is one of the three parts.
func (p Part) Valid() bool { return p == PartPrep || p == PartRecord || p == PartReflection }

// PartInfo names a part for people: Title for headings, Label for exports
// where what the part is (private or agreed) must be said in full.
type PartInfo struct {
	ID    Part   `json:"id"`
	Title string `json:"title"`
	Label string `json:"label"`
}

// Item is one prompt within a stage.
type Item struct {
	ID     string   `json:"id"`
	Kind   ItemKind `json:"kind"`
	Prompt string   `json:"prompt"`
	Hint   string   `json:"hint,omitempty"`
	Scale  []string `json:"scale,omitempty"` // labels for ratings 1..5
	// Core items make the quick prep (at most MaxQuickPrep across the
	// prep); the others are one key away ("more for this stage").
	Core bool `json:"core,omitempty"`
	// Source is where the prompt comes from (a seed line range, the King's
	// Fund ABC, 4x4x4 supervision, the domain brief), shown with its help.
	Source string `json:"source"`
	// Draft marks wording awaiting review (new Welsh prompts).
	Draft bool `json:"draft,omitempty"`
	// Hidden marks a prompt an organisation's pack hides: never asked, kept
	// among the retired so that answers to it still read with it.
	Hidden bool `json:"hidden,omitempty"`
}

// ScaleLabel names a rating on this item's scale ("" for 0 or out of range).
func (it Item) ScaleLabel(score int) string {
	if score < 1 || score > len(it.Scale) {
		return ""
	}
	return it.Scale[score-1]
}

// Stage is one screen of a part.
type Stage struct {
	ID       string   `json:"id"`
	Part     Part     `json:"part"`
	Title    string   `json:"title"`
	Guidance []string `json:"guidance"`
	Items    []Item   `json:"items"`
}

// Guide is a full prompt set in one language.
type Guide struct {
	Lang        string     `json:"lang"`
	Name        string     `json:"name"`
	ReviewTitle string     `json:"review_title"`
	Note        string     `json:"note,omitempty"` // e.g. that a translation is a draft
	Parts       []PartInfo `json:"parts"`
	// Stages are every stage of every part, in order: the prep's, then the
	// meeting record's, then the reflection's. PartStages gives one part's.
	Stages []Stage `json:"stages"`
	// Retired are prompts no longer asked, kept so that answers written to
	// them read with the question they answered. They are never shown for
	// a new answer.
	Retired []Item `json:"retired,omitempty"`

	byID map[string]itemRef
	// full is, for a guide from a pack, each stage's prompts with the
	// hidden ones in their places (nil for attend's own prompts).
	full [][]Item
}

// StageItems are stage i's prompts with any the pack hides in their places
// (marked Hidden), for rendering old answers where they were asked and for
// writing the pack back out.
func (g *Guide) StageItems(i int) []Item {
	if g.full != nil && i < len(g.full) {
		return g.full[i]
	}
	return g.Stages[i].Items
}

// RetiredStage is the stage id Item gives a retired prompt.
const RetiredStage = "earlier"

type itemRef struct {
	stage int // -1 for a retired item
	item  int
}

// PartStageIDs is the fixed order of each part's stages. Every language
// file must follow it. Stage ids are unique across parts, and every item id
// starts with its stage id, so an answer's id says which part it is in.
var PartStageIDs = map[Part][]string{
	PartPrep:       {"checkin", "attend", "understand", "empathise", "help", "strain"},
	PartRecord:     {"agenda", "needs", "team", "actions", "close"},
	PartReflection: {"reflect"},
}

// StageIDs is every stage id in order: prep, record, reflection.
var StageIDs = func() []string {
	var out []string
	for _, p := range Parts {
		out = append(out, PartStageIDs[p]...)
	}
	return out
}()

// Item ids the rest of attend relies on.
const (
	SaidID    = "agenda.said"    // what they said, in their words (the record's main text)
	HelpID    = "agenda.help"    // what would help most, in their words
	NextID    = "close.next"     // the date of the next session
	ActionsID = "actions.list"   // the actions agreed
	EnergyID  = "checkin.energy" // your own energy before the meeting
	LeavingID = "reflect.leaving"
)

// NeedIDs are the core needs and workload, rated in the meeting record.
var NeedIDs = []string{"needs.autonomy", "needs.belonging", "needs.competence", "needs.workload"}

// MaxQuickPrep bounds the core items of the prep: the quick prep a manager
// can do in the ten minutes before a meeting.
const MaxQuickPrep = 8

// PartOf says which part an answer to item id belongs in, from its stage
// prefix. Ids from stages that are not there any more belonged to the
// single prep that came before the three parts, so they are prep.
func PartOf(id string) Part {
	stage, _, _ := strings.Cut(id, ".")
	for _, p := range Parts {
		for _, st := range PartStageIDs[p] {
			if st == stage {
				return p
			}
		}
	}
	return PartPrep
}

// Item looks an item up by id, with the stage it belongs to. A retired
// item is found too, in a stage with id RetiredStage of the prep.
func (g *Guide) Item(id string) (Item, Stage, bool) {
	ref, ok := g.byID[id]
	if !ok {
		return Item{}, Stage{}, false
	}
	if ref.stage < 0 {
		return g.Retired[ref.item], Stage{ID: RetiredStage, Part: PartPrep, Title: "Earlier prompts"}, true
	}
	st := g.Stages[ref.stage]
	return st.Items[ref.item], st, true
}

// PartStages are the stages of one part, in order.
func (g *Guide) PartStages(p Part) []Stage {
	var out []Stage
	for _, st := range g.Stages {
		if st.Part == p {
			out = append(out, st)
		}
	}
	return out
}

// Part describes one part (its title and label).
func (g *Guide) Part(p Part) PartInfo {
	for _, pi := range g.Parts {
		if pi.ID == p {
			return pi
		}
	}
	return PartInfo{ID: p, Title: string(p), Label: string(p)}
}

// CoreItems are the stage's core items: the quick prep's.
func (st Stage) CoreItems() []Item {
	var out []Item
	for _, it := range st.Items {
		if it.Core {
			out = append(out, it)
		}
	}
	return out
}

// MoreItems are the stage's other items ("more for this stage").
func (st Stage) MoreItems() []Item {
	var out []Item
	for _, it := range st.Items {
		if !it.Core {
			out = append(out, it)
		}
	}
	return out
}

// Shown are the items of a stage to show for session s: every item when
// full, otherwise the core ones and any other that already holds an answer
// (an answer is never hidden), in the stage's order.
func (st Stage) Shown(s Session, full bool) []Item {
	var out []Item
	for _, it := range st.Items {
		if full || it.Core || (it.Kind != KindActions && !s.Answer(it.ID).Empty()) ||
			(it.Kind == KindActions && len(s.LiveActions()) > 0) {
			out = append(out, it)
		}
	}
	return out
}

// QuickPrep is every core item of the prep, in order: what a default prep
// shows when nothing has been written yet (at most MaxQuickPrep).
func (g *Guide) QuickPrep() []Item {
	var out []Item
	for _, st := range g.PartStages(PartPrep) {
		out = append(out, st.CoreItems()...)
	}
	return out
}

// StageIndex returns the position of a stage id, or -1.
func (g *Guide) StageIndex(id string) int {
	for i, s := range g.Stages {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// Languages lists the languages that have a prompt file, sorted.
func Languages() []string {
	entries, err := promptFiles.ReadDir("prompts")
	if err != nil {
		return nil
	}
	var langs []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			langs = append(langs, name)
		}
	}
	sort.Strings(langs)
	return langs
}

// LoadGuide is the prompt set for lang: the active pack's (UsePack), if it
// holds that language, else attend's own.
func LoadGuide(lang string) (*Guide, error) {
	if lang == "" {
		lang = DefaultLang
	}
	if p := ActivePack(); p != nil {
		if g, ok := p.Guides[lang]; ok {
			return g, nil
		}
	}
	return BuiltinGuide(lang)
}

// HasGuide is nil if LoadGuide(lang) would find a prompt set, and the
// same refusal it would give if not, without parsing one: a command that
// only lists (attend log) refuses a --lang attend does not speak as the
// others do, but never needs the prompts themselves.
func HasGuide(lang string) error {
	if lang == "" {
		lang = DefaultLang
	}
	if p := ActivePack(); p != nil {
		if _, ok := p.Guides[lang]; ok {
			return nil
		}
	}
	if _, ok := builtin.Load(lang); ok {
		return nil
	}
	if _, err := fs.Stat(promptFiles, "prompts/"+lang+".json"); err != nil {
		return said("coach.lang.none", "Lang", fmt.Sprintf("%q", lang), "Have", strings.Join(Languages(), ", "))
	}
	return nil
}

var builtin sync.Map // lang → *Guide, parsed once

// BuiltinGuide reads and validates attend's own prompt set for lang.
func BuiltinGuide(lang string) (*Guide, error) {
	if lang == "" {
		lang = DefaultLang
	}
	if g, ok := builtin.Load(lang); ok {
		return g.(*Guide), nil
	}
	raw, err := promptFiles.ReadFile("prompts/" + lang + ".json")
	if err != nil {
		return nil, said("coach.lang.none", "Lang", fmt.Sprintf("%q", lang), "Have", strings.Join(Languages(), ", "))
	}
	// One parse a language, whoever asks first: a command that starts it
	// on another core (attend show, while it reads the file) and then
	// needs it waits for that parse rather than making a second.
	parse, _ := parsing.LoadOrStore(lang, sync.OnceValues(func() (*Guide, error) { return ParseGuide(raw) }))
	g, err := parse.(func() (*Guide, error))()
	if err != nil {
		return nil, err
	}
	builtin.Store(lang, g)
	return g, nil
}

// parsing holds each language's parse of attend's own prompts, once begun.
var parsing sync.Map // lang → func() (*Guide, error)

// ParseGuide decodes and validates a prompt set.
func ParseGuide(raw []byte) (*Guide, error) {
	var g Guide
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("prompt file: %w", err)
	}
	if err := g.validate(); err != nil {
		return nil, fmt.Errorf("prompt file %q: %w", g.Lang, err)
	}
	return &g, nil
}

func (g *Guide) validate() error {
	if g.Lang == "" {
		return fmt.Errorf("missing lang")
	}
	if len(g.Stages) != len(StageIDs) {
		return fmt.Errorf("has %d stages, want %d (%s)", len(g.Stages), len(StageIDs), strings.Join(StageIDs, ", "))
	}
	for _, p := range Parts {
		if pi := g.Part(p); pi.Title == "" || pi.Label == "" || pi.Title == string(p) {
			return fmt.Errorf("part %q needs a title and a label", p)
		}
	}
	g.byID = make(map[string]itemRef)
	core := 0
	for si, st := range g.Stages {
		if st.ID != StageIDs[si] {
			return fmt.Errorf("stage %d is %q, want %q", si+1, st.ID, StageIDs[si])
		}
		if want := PartOf(st.ID + ".x"); st.Part != want {
			return fmt.Errorf("stage %q is in part %q, want %q", st.ID, st.Part, want)
		}
		if st.Title == "" {
			return fmt.Errorf("stage %q has no title", st.ID)
		}
		if len(st.Items) == 0 {
			return fmt.Errorf("stage %q has no items", st.ID)
		}
		for ii, it := range st.Items {
			if !strings.HasPrefix(it.ID, st.ID+".") {
				return fmt.Errorf("item %q in stage %q must start with %q", it.ID, st.ID, st.ID+".")
			}
			if _, dup := g.byID[it.ID]; dup {
				return fmt.Errorf("item id %q appears twice", it.ID)
			}
			if strings.TrimSpace(it.Prompt) == "" {
				return fmt.Errorf("item %q has no prompt", it.ID)
			}
			if strings.TrimSpace(it.Source) == "" {
				return fmt.Errorf("item %q has no source", it.ID)
			}
			if it.Core && st.Part == PartPrep {
				core++
			}
			switch it.Kind {
			case KindText, KindActions, KindDate:
			case KindRating:
				if len(it.Scale) != MaxRating {
					return fmt.Errorf("rating %q needs %d scale labels, has %d", it.ID, MaxRating, len(it.Scale))
				}
			default:
				return fmt.Errorf("item %q has unknown kind %q", it.ID, it.Kind)
			}
			g.byID[it.ID] = itemRef{si, ii}
		}
	}
	if core > MaxQuickPrep {
		return fmt.Errorf("the prep has %d core items, at most %d make a quick prep", core, MaxQuickPrep)
	}
	for ri, it := range g.Retired {
		if _, dup := g.byID[it.ID]; dup {
			return fmt.Errorf("retired item id %q is also in use", it.ID)
		}
		if strings.TrimSpace(it.Prompt) == "" || strings.TrimSpace(it.Source) == "" {
			return fmt.Errorf("retired item %q needs its prompt and a source", it.ID)
		}
		g.byID[it.ID] = itemRef{-1, ri}
	}
	return nil
}
