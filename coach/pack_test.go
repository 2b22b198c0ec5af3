package coach

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func builtinPackTOML(t testing.TB) []byte {
	t.Helper()
	var guides []*Guide
	for _, l := range []string{"en", "cy"} { // English first: the tests edit the first match
		g, err := BuiltinGuide(l)
		if err != nil {
			t.Fatal(err)
		}
		guides = append(guides, g)
	}
	var b bytes.Buffer
	if err := WritePack(&b, "Ours", "1", guides); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sameGuide(t *testing.T, got, want *Guide) {
	t.Helper()
	if got.Lang != want.Lang || got.Name != want.Name || got.ReviewTitle != want.ReviewTitle || got.Note != want.Note {
		t.Errorf("%s: heading differs", want.Lang)
	}
	if !reflect.DeepEqual(got.Parts, want.Parts) {
		t.Errorf("%s: parts differ", want.Lang)
	}
	if !reflect.DeepEqual(got.Stages, want.Stages) {
		for i := range want.Stages {
			if !reflect.DeepEqual(got.Stages[i], want.Stages[i]) {
				t.Errorf("%s: stage %s differs:\n%+v\n%+v", want.Lang, want.Stages[i].ID, got.Stages[i], want.Stages[i])
			}
		}
	}
	if !reflect.DeepEqual(got.Retired, want.Retired) {
		t.Errorf("%s: retired prompts differ", want.Lang)
	}
}

// TestPackRoundTrip checks that attend's own prompts, written as a pack
// and read back, are the same prompts, in both languages.
func TestPackRoundTrip(t *testing.T) {
	raw := builtinPackTOML(t)
	p, faults := ParsePack(raw)
	if len(faults) > 0 {
		t.Fatalf("attend's own prompts as a pack: %v", faults)
	}
	if p.Name != "Ours" || p.Version != "1" || !reflect.DeepEqual(p.Langs(), Languages()) {
		t.Fatalf("pack %q %q %v", p.Name, p.Version, p.Langs())
	}
	for _, l := range Languages() {
		want, _ := BuiltinGuide(l)
		sameGuide(t, p.Guides[l], want)
	}
	if !bytes.Contains(raw, []byte("# One of the four behaviours")) {
		t.Error("the pack does not explain what stays")
	}
}

// edit changes the pack text, failing if the old text is not there.
func edit(t *testing.T, raw []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(raw, []byte(old)) {
		t.Fatalf("%q is not in the pack", old)
	}
	return bytes.Replace(raw, []byte(old), []byte(new), 1)
}

func lineOfText(raw []byte, s string) int {
	i := bytes.Index(raw, []byte(s))
	return bytes.Count(raw[:i], []byte("\n")) + 1
}

// TestPackEdits checks what an organisation may change: reword, add, hide,
// set core; and that hidden prompts stay readable.
func TestPackEdits(t *testing.T) {
	raw := builtinPackTOML(t)
	raw = edit(t, raw, `prompt = "What would help most right now?"`, `prompt = "What would make the biggest difference this month?"`)
	raw = edit(t, raw, `id = "help.upwards"`+"\n  kind = \"text\"", `id = "help.upwards"`+"\n  hidden = true\n  kind = \"text\"")
	raw = edit(t, raw, "\n[[en.stages]]\nid = \"strain\"", "\n  [[en.stages.prompts]]\n  id = \"help.training\"\n  kind = \"text\"\n  prompt = \"Is their mandatory training and registration up to date?\"\n  source = \"Cartref y Dderwen\"\n\n[[en.stages]]\nid = \"strain\"")
	p, faults := ParsePack(raw)
	if len(faults) > 0 {
		t.Fatal(faults)
	}
	g := p.Guides["en"]
	if it, _, _ := g.Item(HelpID); it.Prompt != "What would make the biggest difference this month?" {
		t.Errorf("reworded: %q", it.Prompt)
	}
	if it, st, ok := g.Item("help.training"); !ok || st.ID != "help" {
		t.Errorf("added prompt: %v %v", it, ok)
	}
	it, st, ok := g.Item("help.upwards")
	if !ok || st.ID != RetiredStage || !it.Hidden {
		t.Errorf("hidden prompt: %+v in %s", it, st.ID)
	}
	for _, x := range g.Stages[g.StageIndex("help")].Items {
		if x.ID == "help.upwards" {
			t.Error("a hidden prompt is still asked")
		}
	}
	// Written back out, the hidden prompt stays hidden, in its place.
	var b bytes.Buffer
	if err := WritePack(&b, p.Name, p.Version, []*Guide{g}); err != nil {
		t.Fatal(err)
	}
	again, faults := ParsePack(b.Bytes())
	if len(faults) > 0 {
		t.Fatal(faults)
	}
	sameGuide(t, again.Guides["en"], g)
	if !reflect.DeepEqual(again.Guides["en"].StageItems(g.StageIndex("help")), g.StageItems(g.StageIndex("help"))) {
		t.Error("the hidden prompt moved")
	}
}

// TestPackFaults checks that every fault is found and named by its line
// and field, and that what must stay is refused when taken away.
func TestPackFaults(t *testing.T) {
	base := builtinPackTOML(t)
	for _, tc := range []struct {
		name, old, new string
		want           []string // each fault's text must hold one of these, in order
		line           string   // the fault's line is the line holding this text, in the edited pack
	}{
		{"hide a relied-on prompt", `id = "agenda.said"` + "\n  kind = \"text\"", `id = "agenda.said"` + "\n  hidden = true\n  kind = \"text\"",
			[]string{"en.stages[", ".hidden: attend relies on agenda.said"}, "  hidden = true\n  kind"},
		{"wrong kind", `id = "needs.workload"` + "\n  kind = \"rating\"", `id = "needs.workload"` + "\n  kind = \"text\"",
			[]string{".kind: needs.workload is a rating prompt"}, `kind = "text"` + "\n  prompt = \"Workload\""},
		{"unknown field", `id = "checkin.head"`, `id = "checkin.head"` + "\n  colour = \"red\"",
			[]string{".colour: attend does not know this field"}, `colour = "red"`},
		{"bad kind", `id = "checkin.head"` + "\n  kind = \"text\"", `id = "checkin.head"` + "\n  kind = \"essay\"",
			[]string{`"essay" is not a kind`}, `kind = "essay"`},
		{"core not true or false", `id = "checkin.head"` + "\n  kind = \"text\"", `id = "checkin.head"` + "\n  kind = \"text\"\n  hidden = \"yes\"",
			[]string{"hidden: want true or false"}, `hidden = "yes"`},
		{"wrong prefix", `id = "checkin.support"`, `id = "attend.support"`,
			[]string{`"attend.support" is in the stage "checkin"`}, `id = "attend.support"`},
		{"no source", `source = "domain brief §6 A1; seed ~93-101 (being present)"`, `source = ""`, []string{"source: is empty"}, `source = ""`},
		{"not TOML", `name = "Ours"`, `name = "Ours`, []string{"not valid TOML"}, `name = "Ours`},
		{"dotted key", `version = "1"`, `version = "1"` + "\nen.name = \"x\"", []string{"not a dotted key"}, `en.name = "x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := edit(t, base, tc.old, tc.new)
			p, faults := ParsePack(raw)
			if p != nil || len(faults) == 0 {
				t.Fatal("the broken pack was taken")
			}
			f := faults[0]
			for _, w := range tc.want {
				if !strings.Contains(f.String(), w) {
					t.Errorf("fault %q does not say %q (all: %v)", f, w, faults)
				}
			}
			if want := lineOfText(raw, tc.line); f.Line != want {
				t.Errorf("fault %q on line %d, want %d", f, f.Line, want)
			}
		})
	}
}

// TestPackRefusesRemovals checks that the parts, the stages (the four
// behaviours among them) and the relied-on prompts cannot be removed, and
// that every fault is reported, not just the first.
func TestPackRefusesRemovals(t *testing.T) {
	raw := builtinPackTOML(t)
	// Take the empathise stage out of English entirely.
	s := string(raw)
	i := strings.Index(s, "# ---- empathise:")
	j := strings.Index(s, "# ---- help:")
	s = s[:i] + s[j:]
	// And the record part's heading.
	s = strings.Replace(s, "[[en.parts]]\nid = \"record\"", "[[en.partz]]\nid = \"record\"", 1)
	_, faults := ParsePack([]byte(s))
	var all []string
	for _, f := range faults {
		all = append(all, f.String())
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		`the stage "empathise" is missing: the four behaviours`,
		`the part "record" is missing`,
		"en.partz: attend does not know this list",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("faults do not say %q:\n%s", want, text)
		}
	}
	for _, f := range faults {
		if f.Line == 0 {
			t.Errorf("fault with no line: %s", f)
		}
	}
}

// TestPackActive checks that LoadGuide gives the active pack's prompts for
// its languages and attend's own for the others.
func TestPackActive(t *testing.T) {
	raw := edit(t, builtinPackTOML(t), `prompt = "What would help most right now?"`, `prompt = "Beth fyddai'n helpu? / What would help?"`)
	p, faults := ParsePack(raw)
	if len(faults) > 0 {
		t.Fatal(faults)
	}
	delete(p.Guides, "cy")
	UsePack(p)
	defer UsePack(nil)
	en, _ := LoadGuide("en")
	cy, _ := LoadGuide("cy")
	builtinCy, _ := BuiltinGuide("cy")
	if it, _, _ := en.Item(HelpID); !strings.HasPrefix(it.Prompt, "Beth") {
		t.Errorf("en from the pack: %q", it.Prompt)
	}
	if cy != builtinCy {
		t.Error("cy is not attend's own")
	}
	if name, v := PackLabel(); name != "Ours" || v != "1" {
		t.Errorf("label %q %q", name, v)
	}
}

func FuzzParsePack(f *testing.F) {
	f.Add(builtinPackTOML(f))
	f.Add([]byte("name = \"x\"\nversion = \"1\"\n[en]\nname = \"a\"\n"))
	f.Add([]byte("[[en.stages.prompts]]\nid = 1\n"))
	f.Add([]byte("[en]\n[en]\n[[en.parts]]\nid=\"prep\"\n[[en.stages]]\n[[en.retired]]\na.b = [1]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, faults := ParsePack(data)
		if (p == nil) == (len(faults) == 0) {
			t.Fatalf("pack %v with faults %v", p, faults)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, fl := range faults {
			if fl.Line < 0 || fl.Line > lines || fl.Msg == "" {
				t.Fatalf("fault %+v in a file of %d lines", fl, lines)
			}
		}
		if p == nil {
			return
		}
		// A pack that reads, written out and read again, is the same.
		var guides []*Guide
		for _, l := range p.Langs() {
			guides = append(guides, p.Guides[l])
		}
		var b bytes.Buffer
		if err := WritePack(&b, p.Name, p.Version, guides); err != nil {
			t.Fatal(err)
		}
		again, faults := ParsePack(b.Bytes())
		if len(faults) > 0 {
			t.Fatalf("written back, the pack has faults: %v\n%s", faults, b.String())
		}
		if again.Name != p.Name || again.Version != p.Version {
			t.Fatal("name or version changed")
		}
		for _, l := range p.Langs() {
			if !reflect.DeepEqual(again.Guides[l].Stages, p.Guides[l].Stages) || !reflect.DeepEqual(again.Guides[l].Retired, p.Guides[l].Retired) {
				t.Fatalf("%s changed when written back", l)
			}
		}
	})
}
