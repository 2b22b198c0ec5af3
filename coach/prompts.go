package coach

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
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

// Item is one prompt within a stage.
type Item struct {
	ID     string   `json:"id"`
	Kind   ItemKind `json:"kind"`
	Prompt string   `json:"prompt"`
	Hint   string   `json:"hint,omitempty"`
	Scale  []string `json:"scale,omitempty"` // labels for ratings 1..5
}

// ScaleLabel names a rating on this item's scale ("" for 0 or out of range).
func (it Item) ScaleLabel(score int) string {
	if score < 1 || score > len(it.Scale) {
		return ""
	}
	return it.Scale[score-1]
}

// Stage is one screen of the guided prep.
type Stage struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Guidance []string `json:"guidance"`
	Items    []Item   `json:"items"`
}

// Guide is a full prompt set in one language.
type Guide struct {
	Lang        string  `json:"lang"`
	Name        string  `json:"name"`
	ReviewTitle string  `json:"review_title"`
	Stages      []Stage `json:"stages"`

	byID map[string]itemRef
}

type itemRef struct {
	stage int
	item  int
}

// StageIDs is the fixed order of the prep. Every language file must follow it.
var StageIDs = []string{"checkin", "attend", "understand", "empathise", "help", "needs", "actions", "close"}

// Item looks an item up by id, with the stage it belongs to.
func (g *Guide) Item(id string) (Item, Stage, bool) {
	ref, ok := g.byID[id]
	if !ok {
		return Item{}, Stage{}, false
	}
	st := g.Stages[ref.stage]
	return st.Items[ref.item], st, true
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

// LoadGuide reads and validates the embedded prompt set for lang.
func LoadGuide(lang string) (*Guide, error) {
	if lang == "" {
		lang = DefaultLang
	}
	raw, err := promptFiles.ReadFile("prompts/" + lang + ".json")
	if err != nil {
		return nil, fmt.Errorf("no prompts for language %q (have %s)", lang, strings.Join(Languages(), ", "))
	}
	return ParseGuide(raw)
}

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
	g.byID = make(map[string]itemRef)
	for si, st := range g.Stages {
		if st.ID != StageIDs[si] {
			return fmt.Errorf("stage %d is %q, want %q", si+1, st.ID, StageIDs[si])
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
	return nil
}
