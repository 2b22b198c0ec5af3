package coach

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// The demo's stories. Each session of a demo follows one story, told in the
// order a manager lives it: the prep before the meeting, the record written
// with the staff member (their words, what would help, the ratings rated
// together), the actions agreed, and the reflection after. A story runs over
// one to three sessions (beats): it starts, carries on, and settles. A
// person's stories follow one another, so that their record reads as one
// working life.
//
// The words live in data files, one per language (demo/en.json,
// demo/cy.json), like the prompts, so that a story can be reworded or
// translated without touching code; a Welsh demo writes Welsh notes. Each
// language tells the same stories in the same shape (the same beats, the
// same prompts answered, as many ways of putting each, the same actions
// with the same owners), so that one seed makes the same people, dates,
// ratings and actions in either language: only the words differ.
//
// Placeholders, filled the same way for the whole of one story:
// {first} the staff member's first name, {colleague} a colleague, {resident}
// someone they support, {place} a town, {setting} where they work (from the
// file's own list, worded as its stories need it: Welsh's says where, with
// its preposition and mutation, "yn Nhŷ Gwyn").
//
// Everything here is made up. Any likeness to a real person is chance.
//
//go:embed demo/*.json
var demoFiles embed.FS

// demoText is one language's demo words.
type demoText struct {
	lang     string
	settings []string
	stories  []demoStory
	// generic answers prompts a story leaves unsaid: words that fit any
	// session, so that nothing contradicts the story.
	generic map[string][]string
	// notes are for a rating with no note from the story: the manager's
	// energy, then the needs in the order of NeedIDs; low, then high.
	notes [5][2][]string
}

// demoStory is one scenario.
type demoStory struct {
	key string // a short name, used by tests and nowhere else
	// opener marks a story that only starts a person's record (new to the
	// role); single marks one that never follows itself.
	opener bool
	beats  []demoBeat
}

// demoBeat is one session of a story.
type demoBeat struct {
	// ratings bound autonomy, belonging, competence and workload (in the
	// order of NeedIDs): each is drawn from lo to hi. A zero pair leaves the
	// person's own level.
	ratings [4][2]int
	// energy nudges the manager's own energy: a hard story weighs on them.
	energy int
	// text holds, for each prompt id, the ways the answer might be put;
	// one is chosen. A rating's id holds notes on that rating.
	text map[string][]string
	// actions are agreed in this session; the first of a beat with a beat
	// after it is always done before the next session (the next beat
	// speaks of it).
	actions []demoAct
}

// demoAct is an action as agreed: its words, who carries it (the verb
// says: "Book X onto…" is the manager's, "Complete the e-learning" theirs),
// and why it might be dropped.
type demoAct struct {
	text  string
	owner Owner
	drop  string
}

// demoTexts holds each language's words, read from its file the first
// time a demo in that language is made (lang → func() (*demoText, error)).
var demoTexts sync.Map

// demoTextFor is the demo's words in lang ("" is DefaultLang).
func demoTextFor(lang string) (*demoText, error) {
	if lang == "" {
		lang = DefaultLang
	}
	f, ok := demoTexts.Load(lang)
	if !ok {
		f, _ = demoTexts.LoadOrStore(lang, sync.OnceValues(func() (*demoText, error) { return readDemoText(lang) }))
	}
	return f.(func() (*demoText, error))()
}

// demoFile is the shape of a demo/LANG.json file.
type demoFile struct {
	Lang     string   `json:"lang"`
	Settings []string `json:"settings"`
	Stories  []struct {
		Key    string `json:"key"`
		Opener bool   `json:"opener"`
		Beats  []struct {
			Ratings [4][2]int           `json:"ratings"`
			Energy  int                 `json:"energy"`
			Text    map[string][]string `json:"text"`
			Actions []struct {
				Owner Owner  `json:"owner"`
				Text  string `json:"text"`
				Drop  string `json:"drop"`
			} `json:"actions"`
		} `json:"beats"`
	} `json:"stories"`
	Generic     map[string][]string `json:"generic"`
	RatingNotes map[string]struct {
		Low  []string `json:"low"`
		High []string `json:"high"`
	} `json:"rating_notes"`
}

// readDemoText reads and checks demo/LANG.json.
func readDemoText(lang string) (*demoText, error) {
	raw, err := demoFiles.ReadFile("demo/" + lang + ".json")
	if err != nil {
		return nil, fmt.Errorf("no demo stories in language %q", lang)
	}
	var f demoFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("demo/%s.json: %w", lang, err)
	}
	bad := func(format string, a ...any) (*demoText, error) {
		return nil, fmt.Errorf("demo/%s.json: "+format, append([]any{lang}, a...)...)
	}
	if f.Lang != lang {
		return bad("says it is %q", f.Lang)
	}
	if len(f.Settings) == 0 || len(f.Stories) == 0 {
		return bad("has no settings or no stories")
	}
	t := &demoText{lang: lang, settings: f.Settings, generic: f.Generic}
	for _, fs := range f.Stories {
		st := demoStory{key: fs.Key, opener: fs.Opener}
		if len(fs.Beats) == 0 {
			return bad("story %q has no beats", fs.Key)
		}
		for bi, fb := range fs.Beats {
			for _, r := range fb.Ratings {
				if r != [2]int{} && (r[0] < 1 || r[0] > r[1] || r[1] > 5) {
					return bad("story %q beat %d rates %d to %d", fs.Key, bi+1, r[0], r[1])
				}
			}
			if fb.Text["agenda.theirs"] == nil || fb.Text["agenda.said"] == nil || len(fb.Actions) == 0 {
				return bad("story %q beat %d needs their agenda, their words and an action", fs.Key, bi+1)
			}
			b := demoBeat{ratings: fb.Ratings, energy: fb.Energy, text: fb.Text}
			for _, a := range fb.Actions {
				if !slices.Contains(Owners, a.Owner) || strings.TrimSpace(a.Text) == "" || strings.TrimSpace(a.Drop) == "" {
					return bad("story %q beat %d: action %q (owner %q) needs an owner, words and a reason to drop it", fs.Key, bi+1, a.Text, a.Owner)
				}
				b.actions = append(b.actions, demoAct{a.Text, a.Owner, a.Drop})
			}
			st.beats = append(st.beats, b)
		}
		t.stories = append(t.stories, st)
	}
	for k, id := range append([]string{EnergyID}, NeedIDs...) {
		n, ok := f.RatingNotes[id]
		if !ok || len(n.Low) == 0 || len(n.High) == 0 {
			return bad("no low and high rating notes for %s", id)
		}
		t.notes[k] = [2][]string{n.Low, n.High}
	}
	if len(f.RatingNotes) != len(NeedIDs)+1 {
		return bad("rating notes for prompts that are not %s or a need", EnergyID)
	}
	return t, nil
}
