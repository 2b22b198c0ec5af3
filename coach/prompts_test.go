package coach_test

import (
	"encoding/json"
	"fmt"
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
		{"checkin.energy", true, "checkin", coach.KindRating, "energy"},
		{"attend.present", true, coach.RetiredStage, coach.KindText, "present"}, // retired: old answers keep their question
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
		{"too few stages", func(v map[string]any) { v["stages"] = stagesOf(v)[:7] }, "has 7 stages, want 12"},
		{"duplicate id", func(v map[string]any) { itemOf(v, 1, 1)["id"] = "attend.fascination" }, `"attend.fascination" appears twice`},
		{"id not prefixed by stage", func(v map[string]any) { itemOf(v, 1, 1)["id"] = "help.opening" }, `must start with "attend."`},
		{"bare stage id", func(v map[string]any) { itemOf(v, 1, 1)["id"] = "attend" }, `must start with "attend."`},
		{"unknown kind", func(v map[string]any) { itemOf(v, 2, 0)["kind"] = "essay" }, `unknown kind "essay"`},
		{"missing kind", func(v map[string]any) { delete(itemOf(v, 2, 0), "kind") }, `unknown kind ""`},
		{"rating with 4 labels", func(v map[string]any) {
			it := itemOf(v, 0, 0)
			it["scale"] = it["scale"].([]any)[:4]
		}, "needs 5 scale labels, has 4"},
		{"rating without labels", func(v map[string]any) { delete(itemOf(v, 7, 0), "scale") }, "needs 5 scale labels, has 0"},
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

// Every language has the same parts, stages and item ids, in the same order,
// with the same kinds, core flags and sources: stored answers are keyed by
// id, so a session written in one language reads in the other.
func TestLanguagesHaveTheSameIDs(t *testing.T) {
	shape := func(g *coach.Guide) []string {
		var out []string
		for _, st := range g.Stages {
			for _, it := range st.Items {
				out = append(out, fmt.Sprintf("%s/%s/%s/%s/%v/%s", st.Part, st.ID, it.ID, it.Kind, it.Core, it.Source))
			}
		}
		for _, it := range g.Retired {
			out = append(out, "retired/"+it.ID+"/"+string(it.Kind))
		}
		return out
	}
	en := shape(mustGuide(t, "en"))
	for _, lang := range coach.Languages() {
		if got := shape(mustGuide(t, lang)); !slices.Equal(got, en) {
			t.Errorf("%s differs from en:\n%v\nwant\n%v", lang, got, en)
		}
	}
}

// The content rules of issue 8, for every language.
func TestPromptContent(t *testing.T) {
	for _, lang := range coach.Languages() {
		t.Run(lang, func(t *testing.T) {
			g := mustGuide(t, lang)
			for _, st := range g.Stages {
				if !st.Part.Valid() {
					t.Errorf("stage %s has part %q", st.ID, st.Part)
				}
				for _, it := range st.Items {
					if strings.TrimSpace(it.Source) == "" {
						t.Errorf("%s has no source", it.ID)
					}
					for what, text := range map[string]string{"prompt": it.Prompt, "hint": it.Hint} {
						if n := strings.Count(text, "?"); n > 1 {
							t.Errorf("%s %s holds %d question marks, want one question: %q", it.ID, what, n, text)
						}
					}
				}
				if st.Part == coach.PartPrep && len(st.CoreItems()) == 0 {
					t.Errorf("prep stage %s has no core item", st.ID)
				}
			}
			if n := len(g.QuickPrep()); n == 0 || n > coach.MaxQuickPrep {
				t.Errorf("the default prep shows %d items, want 1 to %d", n, coach.MaxQuickPrep)
			}
			for _, p := range coach.Parts {
				info := g.Part(p)
				if len(g.PartStages(p)) == 0 || info.Title == "" || info.Label == "" {
					t.Errorf("part %s: %d stages, %+v", p, len(g.PartStages(p)), info)
				}
			}
			if lang != "en" {
				return
			}
			// Plain words, nothing presumptive, help asked the right way round.
			all := ""
			for _, st := range g.Stages {
				all += strings.Join(st.Guidance, " ") + " "
				for _, it := range st.Items {
					all += it.Prompt + " " + it.Hint + " "
				}
			}
			for _, banned := range []string{"arriving", "stirring", "got wrong", "room booked"} {
				if strings.Contains(all, banned) {
					t.Errorf("the live prompts still say %q", banned)
				}
			}
			for _, need := range []string{"included", "quality of care", "command and control", "overload", "What would help most right now?", "fascination"} {
				if !strings.Contains(all, need) {
					t.Errorf("the prompts never mention %q", need)
				}
			}
			it, _, _ := g.Item("help.others")
			if !strings.Contains(it.Prompt, "other team") || !strings.Contains(it.Source, "617-623") {
				t.Errorf("\"How can we help you?\" is asked of other teams (seed ~617-623): %+v", it)
			}
		})
	}
}

// Stored answers are keyed by these ids: renaming one loses what it meant.
func TestStableIDs(t *testing.T) {
	g := mustGuide(t, "en")
	want := map[coach.Part][]string{
		coach.PartPrep: {"checkin.energy", "checkin.head", "checkin.support", "checkin.assumptions", "checkin.own",
			"attend.fascination", "attend.opening", "attend.language", "understand.curious", "understand.missing", "understand.outside",
			"empathise.safe", "empathise.steady", "empathise.private", "help.offer", "help.others", "help.upwards", "help.decide",
			"strain.need", "strain.pressure"},
		coach.PartRecord: {"agenda.theirs", "agenda.said", "agenda.help", "needs.autonomy", "needs.belonging", "needs.competence",
			"needs.workload", "team.inclusion", "team.goals", "team.learning", "actions.list", "close.next"},
		coach.PartReflection: {"reflect.talking", "reflect.behaviours", "reflect.control", "reflect.team", "reflect.leaving"},
	}
	for p, ids := range want {
		var got []string
		for _, st := range g.PartStages(p) {
			for _, it := range st.Items {
				got = append(got, it.ID)
				if coach.PartOf(it.ID) != p {
					t.Errorf("PartOf(%s) = %s, want %s", it.ID, coach.PartOf(it.ID), p)
				}
			}
		}
		if !slices.Equal(got, ids) {
			t.Errorf("%s ids:\n got %v\nwant %v", p, got, ids)
		}
	}
	if coach.PartOf("close.fair") != coach.PartRecord || coach.PartOf("nothing.known") != coach.PartPrep {
		t.Error("PartOf goes by stage, and unknown stages are prep")
	}
}

func TestShownItems(t *testing.T) {
	g := mustGuide(t, "en")
	st := g.PartStages(coach.PartPrep)[0]
	s := coach.NewSession(personID, "en", now)
	quick := st.Shown(s, false)
	if len(quick) != len(st.CoreItems()) || len(st.Shown(s, true)) != len(st.Items) {
		t.Fatalf("quick %d of %d", len(quick), len(st.Items))
	}
	more := st.MoreItems()[0]
	s.SetAnswer(more.ID, coach.Answer{Text: "Written in a full prep"})
	if got := st.Shown(s, false); len(got) != len(quick)+1 || !slices.ContainsFunc(got, func(it coach.Item) bool { return it.ID == more.ID }) {
		t.Errorf("an answered prompt is always shown: %v", got)
	}
}

// HasGuide says what LoadGuide would, without parsing: the same refusal
// for a language attend has no prompts in, or a name that is not one.
func TestHasGuideAsLoadGuide(t *testing.T) {
	for _, lang := range []string{"", "en", "cy", "fr", "EN", "../prompts/en", "prompts/en", "en.json", "en\x00", "cy/../en"} {
		_, lerr := coach.LoadGuide(lang)
		herr := coach.HasGuide(lang)
		if (lerr == nil) != (herr == nil) || (lerr != nil && lerr.Error() != herr.Error()) {
			t.Errorf("%q: HasGuide %v, LoadGuide %v", lang, herr, lerr)
		}
	}
}
