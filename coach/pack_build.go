package coach

// Building a guide from a scanned pack, and refusing what it may not
// change: the three parts, the four behaviours, the prompts attend relies on.

import (
	"slices"
	"sort"
	"strings"
)

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
		case !slices.Contains(StageIDs, st.ID):
			r.fault("id", "%q is not one of attend's stages (%s): add prompts to a stage rather than new stages", st.ID, strings.Join(StageIDs, ", "))
		case si < len(StageIDs) && st.ID != StageIDs[si]:
			r.fault("id", "stage %d is %q, want %q: the stages stay in attend's order", si+1, st.ID, StageIDs[si])
		}
		seenStage[st.ID] = true
		if st.ID != "" && st.Part != "" && slices.Contains(StageIDs, st.ID) && PartOf(st.ID+".x") != st.Part {
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
			if slices.Contains(behaviourStages, st.ID) {
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
			if slices.Contains(behaviourStages, id) {
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
