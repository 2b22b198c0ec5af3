package coach_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"attend/coach"
)

func mustGuide(t testing.TB, lang string) *coach.Guide {
	t.Helper()
	g, err := coach.LoadGuide(lang)
	if err != nil {
		t.Fatalf("LoadGuide(%q): %v", lang, err)
	}
	return g
}

func TestLoadGuideEnglish(t *testing.T) {
	g := mustGuide(t, "en")
	if g.Lang != "en" || g.Name == "" || g.ReviewTitle == "" {
		t.Errorf("header: lang %q name %q review_title %q", g.Lang, g.Name, g.ReviewTitle)
	}
	def := mustGuide(t, "")
	if def.Lang != coach.DefaultLang {
		t.Errorf("LoadGuide(\"\") gave %q, want %q", def.Lang, coach.DefaultLang)
	}
}

func TestLoadGuideUnknownLanguage(t *testing.T) {
	_, err := coach.LoadGuide("xx")
	if err == nil {
		t.Fatal("LoadGuide(\"xx\") succeeded")
	}
	if !strings.Contains(err.Error(), "en") {
		t.Errorf("error %q should list the languages there are", err)
	}
	for _, bad := range []string{"../prompts/en", "prompts/en", "en.json", "EN"} {
		if _, err := coach.LoadGuide(bad); err == nil {
			t.Errorf("LoadGuide(%q) succeeded", bad)
		}
	}
}

func TestLanguages(t *testing.T) {
	langs := coach.Languages()
	if !slices.Contains(langs, "en") || !slices.Contains(langs, "cy") {
		t.Errorf("Languages() = %v, want en and cy", langs)
	}
	if !slices.IsSorted(langs) {
		t.Errorf("Languages() = %v, not sorted", langs)
	}
}

// Every language must have the structure the rest of attend relies on.
func TestGuideStructure(t *testing.T) {
	behaviours := map[string]bool{"attend": true, "understand": true, "empathise": true, "help": true}
	for _, lang := range coach.Languages() {
		t.Run(lang, func(t *testing.T) {
			g := mustGuide(t, lang)
			if g.Lang != lang {
				t.Errorf("file %s.json says lang %q", lang, g.Lang)
			}
			if g.Name == "" || g.ReviewTitle == "" {
				t.Errorf("name %q, review_title %q: both are needed", g.Name, g.ReviewTitle)
			}
			var got []string
			for _, st := range g.Stages {
				got = append(got, st.ID)
			}
			if !slices.Equal(got, coach.StageIDs) {
				t.Fatalf("stages %v, want %v", got, coach.StageIDs)
			}
			seen := map[string]bool{}
			for si, st := range g.Stages {
				if g.StageIndex(st.ID) != si {
					t.Errorf("StageIndex(%q) = %d, want %d", st.ID, g.StageIndex(st.ID), si)
				}
				if strings.TrimSpace(st.Title) == "" {
					t.Errorf("stage %s has no title", st.ID)
				}
				if len(st.Guidance) == 0 {
					t.Errorf("stage %s has no guidance", st.ID)
				}
				if behaviours[st.ID] && (len(st.Items) < 3 || len(st.Items) > 5) {
					t.Errorf("behaviour stage %s has %d prompts, want 3 to 5", st.ID, len(st.Items))
				}
				for _, it := range st.Items {
					if seen[it.ID] {
						t.Errorf("item id %s appears twice", it.ID)
					}
					seen[it.ID] = true
					if !strings.HasPrefix(it.ID, st.ID+".") || len(it.ID) == len(st.ID)+1 {
						t.Errorf("item id %q is not prefixed by its stage %q", it.ID, st.ID)
					}
					if strings.TrimSpace(it.Prompt) == "" {
						t.Errorf("item %s has no prompt", it.ID)
					}
					if it.Kind == coach.KindRating {
						if len(it.Scale) != coach.MaxRating {
							t.Errorf("rating %s has %d labels", it.ID, len(it.Scale))
						}
						for i, l := range it.Scale {
							if strings.TrimSpace(l) == "" {
								t.Errorf("rating %s label %d is blank", it.ID, i+1)
							}
						}
					}
				}
			}
			if g.StageIndex("nope") != -1 {
				t.Errorf("StageIndex of an unknown stage should be -1")
			}
			// The rest of attend assumes these exist.
			for id, kind := range map[string]coach.ItemKind{"close.next": coach.KindDate, "actions.list": coach.KindActions} {
				it, _, ok := g.Item(id)
				if !ok || it.Kind != kind {
					t.Errorf("%s: found %v, kind %q, want kind %q", id, ok, it.Kind, kind)
				}
			}
		})
	}
}

func TestGuideItemLookup(t *testing.T) {
	g := mustGuide(t, "en")
	tests := []struct {
		id        string
		ok        bool
		stage     string
		kind      coach.ItemKind
		promptHas string
	}{
		{"checkin.energy", true, "checkin", coach.KindRating, "arriving"},
		{"attend.present", true, "attend", coach.KindText, "present"},
		{"needs.workload", true, "needs", coach.KindRating, "Workload"},
		{"actions.list", true, "actions", coach.KindActions, "Actions"},
		{"close.next", true, "close", coach.KindDate, "next session"},
		{"close.nope", false, "", "", ""},
		{"", false, "", "", ""},
		{"close", false, "", "", ""},
	}
	for _, tt := range tests {
		it, st, ok := g.Item(tt.id)
		if ok != tt.ok {
			t.Errorf("Item(%q) ok = %v, want %v", tt.id, ok, tt.ok)
			continue
		}
		if !ok {
			if it.ID != "" || st.ID != "" {
				t.Errorf("Item(%q) not found but returned %+v in %q", tt.id, it, st.ID)
			}
			continue
		}
		if it.ID != tt.id || st.ID != tt.stage || it.Kind != tt.kind || !strings.Contains(it.Prompt, tt.promptHas) {
			t.Errorf("Item(%q) = %s %s %q in %s", tt.id, it.ID, it.Kind, it.Prompt, st.ID)
		}
	}
}

func TestScaleLabel(t *testing.T) {
	g := mustGuide(t, "en")
	it, _, _ := g.Item("needs.workload")
	for score, want := range map[int]string{-1: "", 0: "", 1: "overwhelming", 3: "stretched", 5: "sustainable", 6: ""} {
		if got := it.ScaleLabel(score); got != want {
			t.Errorf("ScaleLabel(%d) = %q, want %q", score, got, want)
		}
	}
	text, _, _ := g.Item("checkin.head")
	if got := text.ScaleLabel(1); got != "" {
		t.Errorf("a text item has no scale, got %q", got)
	}
}

// Stored answers are keyed by id, so every language must ask the same
// questions in the same order with the same kinds.
func TestLanguagesMatchEnglish(t *testing.T) {
	en := mustGuide(t, "en")
	for _, lang := range coach.Languages() {
		if lang == "en" {
			continue
		}
		t.Run(lang, func(t *testing.T) {
			g := mustGuide(t, lang)
			for si, est := range en.Stages {
				st := g.Stages[si]
				if len(st.Items) != len(est.Items) {
					t.Errorf("stage %s has %d items, en has %d", st.ID, len(st.Items), len(est.Items))
					continue
				}
				if len(st.Guidance) != len(est.Guidance) {
					t.Errorf("stage %s has %d guidance lines, en has %d", st.ID, len(st.Guidance), len(est.Guidance))
				}
				for ii, eit := range est.Items {
					it := st.Items[ii]
					if it.ID != eit.ID || it.Kind != eit.Kind {
						t.Errorf("item %d of %s is %s (%s), en has %s (%s)", ii, st.ID, it.ID, it.Kind, eit.ID, eit.Kind)
					}
					if len(it.Scale) != len(eit.Scale) {
						t.Errorf("%s has %d scale labels, en has %d", it.ID, len(it.Scale), len(eit.Scale))
					}
					if (it.Hint == "") != (eit.Hint == "") {
						t.Errorf("%s: hint %q, en hint %q", it.ID, it.Hint, eit.Hint)
					}
				}
			}
		})
	}
}

// guideJSON returns en.json as a generic value, to be broken by a test.
func guideJSON(t *testing.T) map[string]any {
	t.Helper()
	raw, err := json.Marshal(mustGuide(t, "en"))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func stagesOf(v map[string]any) []any { return v["stages"].([]any) }
func stageOf(v map[string]any, i int) map[string]any {
	return stagesOf(v)[i].(map[string]any)
}
func itemOf(v map[string]any, s, i int) map[string]any {
	return stageOf(v, s)["items"].([]any)[i].(map[string]any)
}

func TestParseGuideRoundTrip(t *testing.T) {
	raw, err := json.Marshal(guideJSON(t))
	if err != nil {
		t.Fatal(err)
	}
	g, err := coach.ParseGuide(raw)
	if err != nil {
		t.Fatalf("ParseGuide of en re-encoded: %v", err)
	}
	if _, _, ok := g.Item("help.obstacle"); !ok {
		t.Error("a parsed guide should support Item lookup")
	}
}

func TestParseGuideRejects(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(v map[string]any)
		want   string // in the error
	}{
		{"missing lang", func(v map[string]any) { delete(v, "lang") }, "missing lang"},
		{"wrong stage order", func(v map[string]any) {
			s := stagesOf(v)
			s[1], s[2] = s[2], s[1]
		}, `stage 2 is "understand", want "attend"`},
		{"too few stages", func(v map[string]any) { v["stages"] = stagesOf(v)[:7] }, "has 7 stages, want 8"},
		{"duplicate id", func(v map[string]any) { itemOf(v, 1, 1)["id"] = "attend.present" }, `"attend.present" appears twice`},
		{"id not prefixed by stage", func(v map[string]any) { itemOf(v, 1, 1)["id"] = "help.opening" }, `must start with "attend."`},
		{"bare stage id", func(v map[string]any) { itemOf(v, 1, 1)["id"] = "attend" }, `must start with "attend."`},
		{"unknown kind", func(v map[string]any) { itemOf(v, 2, 0)["kind"] = "essay" }, `unknown kind "essay"`},
		{"missing kind", func(v map[string]any) { delete(itemOf(v, 2, 0), "kind") }, `unknown kind ""`},
		{"rating with 4 labels", func(v map[string]any) {
			it := itemOf(v, 0, 0)
			it["scale"] = it["scale"].([]any)[:4]
		}, "needs 5 scale labels, has 4"},
		{"rating without labels", func(v map[string]any) { delete(itemOf(v, 5, 0), "scale") }, "needs 5 scale labels, has 0"},
		{"unknown field at top", func(v map[string]any) { v["author"] = "someone" }, `unknown field "author"`},
		{"unknown field in item", func(v map[string]any) { itemOf(v, 3, 0)["required"] = true }, `unknown field "required"`},
		{"unknown field in stage", func(v map[string]any) { stageOf(v, 3)["colour"] = "red" }, `unknown field "colour"`},
		{"blank prompt", func(v map[string]any) { itemOf(v, 4, 0)["prompt"] = "  " }, "has no prompt"},
		{"no title", func(v map[string]any) { stageOf(v, 4)["title"] = "" }, "has no title"},
		{"no items", func(v map[string]any) { stageOf(v, 4)["items"] = []any{} }, "has no items"},
		{"wrong type", func(v map[string]any) { v["stages"] = "all of them" }, "prompt file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := guideJSON(t)
			tt.mutate(v)
			raw, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			_, err = coach.ParseGuide(raw)
			if err == nil {
				t.Fatal("ParseGuide accepted it")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to mention %q", err, tt.want)
			}
		})
	}
	for _, raw := range []string{"", "null", "{}", "[]", "{", `{"lang":"en"}`, `{"lang":"en","stages":[]}`} {
		if _, err := coach.ParseGuide([]byte(raw)); err == nil {
			t.Errorf("ParseGuide(%q) succeeded", raw)
		}
	}
}
