package coach_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"attend/coach"
	"attend/coach/msg"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./coach/ -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from what was rendered (run with -update if the change is intended)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// sampleSession is a session with a bit of everything a record can hold.
func sampleSession(t testing.TB) (coach.Person, coach.Session) {
	t.Helper()
	p := coach.Person{ID: personID, Name: "Siân Ŵyn-Jones 🙂", Created: now.AddDate(0, -6, 0)}
	s := coach.NewSession(personID, "en", now)
	s.Saved = now.Add(90 * time.Minute)
	s.SetAnswer("checkin.energy", coach.Answer{Rating: 2, Text: "Long week on the rota. 😴"})
	s.SetAnswer("checkin.head", coach.Answer{Text: "The inspection next week.\nI'll park it for the hour."})
	s.SetAnswer("attend.language", coach.Answer{Text: "Yes: she'd rather speak Cymraeg. Diolch! Ŵ ŷ â ê î ô û ï"})
	s.SetAnswer("understand.challenges", coach.Answer{Text: "  Night staffing; Gwenllïan's new rota.  "})
	s.SetAnswer("needs.belonging", coach.Answer{Rating: 4, Together: true})
	s.SetAnswer("needs.autonomy", coach.Answer{Rating: 2, Text: "Little say over the rota."})
	s.SetAnswer(coach.SaidID, coach.Answer{Text: "\"Nights are the hard part.\""})
	s.SetAnswer(coach.HelpID, coach.Answer{Text: "Someone to cover the Tuesday late."})
	s.SetAnswer("reflect.talking", coach.Answer{Text: "They did, mostly."})
	s.SetAnswer("needs.workload", coach.Answer{Text: "Not rated yet: we ran out of time."})
	s.SetAnswer("close.next", coach.Answer{Date: d(2027, 2, 24)})
	s.SetAnswer("future.prompt", coach.Answer{Text: "From a newer prompt set."})
	s.SetAnswer("aaa.old", coach.Answer{Rating: 3, Date: d(2026, 12, 1), Text: "Rated, dated and noted."})
	s.Actions = []coach.Action{
		{Text: "Book the dementia care course", Owner: coach.OwnerThem, Due: d(2026, 12, 18), Status: coach.ActionOpen},
		{Text: "   "},
		{Text: "Ask about weekend cover", Owner: coach.OwnerMe, Status: coach.ActionDone, Outcome: coach.OutcomeHelped},
		{Text: "Refer to occupational health", Owner: coach.OwnerOther, Status: coach.ActionDropped, Reason: "she'd rather not, for now"},
	}
	return p, s
}

func TestMarkdownGolden(t *testing.T) {
	g := mustGuide(t, "en")
	p, s := sampleSession(t)
	tests := []struct {
		file string
		opt  coach.MarkdownOptions
	}{
		{"record.md", coach.MarkdownOptions{}},
		{"review.md", coach.MarkdownOptions{ShowSkipped: true}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			golden(t, tt.file, coach.Markdown(g, p, s, tt.opt))
		})
	}
}

// entry returns what a record says under one bold prompt: everything up to
// the next prompt or heading, with the separator (": ", " — ", a blank line)
// left in, so these checks do not depend on the exact layout.
func entry(md, prompt string) (string, bool) {
	_, rest, ok := strings.Cut(md, "**"+prompt+"**")
	if !ok {
		return "", false
	}
	end := len(rest)
	for _, next := range []string{"\n**", "\n## "} {
		if i := strings.Index(rest, next); i >= 0 && i < end {
			end = i
		}
	}
	return rest[:end], true
}

// The golden files are easy to regenerate without reading them, so the
// points that matter are checked here as well.
func TestMarkdownContent(t *testing.T) {
	g := mustGuide(t, "en")
	p, s := sampleSession(t)
	record := coach.Markdown(g, p, s, coach.MarkdownOptions{})
	review := coach.Markdown(g, p, s, coach.MarkdownOptions{ShowSkipped: true})

	answered := []struct {
		prompt string
		says   []string
	}{
		{"How much energy do you have right now?", []string{"2/5 (tired)", "Long week on the rota. 😴"}},
		{"What is on your mind that you could put down for this hour?", []string{"The inspection next week.\\\nI'll park it for the hour."}}, // a hard line break
		{"Have you offered to talk in Welsh, if they would prefer?", []string{"Diolch! Ŵ ŷ â ê î ô û ï"}},
		{"In their words, what are the biggest challenges in their work right now?", []string{"\nNight staffing; Gwenllïan's new rota.\n"}}, // a retired prompt, trimmed
		{"Belonging", []string{"4/5 (good), rated together"}},
		{"Autonomy and control", []string{"2/5 (low), your view", "Little say over the rota."}},
		{"What did they say, in their words?", []string{`"Nights are the hard part."`}},
		{"Who did most of the talking?", []string{"They did, mostly."}},
		{"Workload", []string{"not rated", "Not rated yet: we ran out of time."}},
		{"Date of the next session", []string{"Wed 24 Feb 2027"}},
		{"Actions agreed", []string{
			"\n- [ ] Book the dementia care course (them, by Fri 18 Dec 2026)\n",
			"\n- [x] Ask about weekend cover (me), helped\n",
			"\n- [ ] Refer to occupational health (someone else) — dropped: she'd rather not, for now\n",
		}},
		// Answers to prompts this guide does not know, under their ids.
		{"aaa.old", []string{"3/5", "Tue 1 Dec 2026", "Rated, dated and noted."}},
		{"future.prompt", []string{"From a newer prompt set."}},
	}
	for name, md := range map[string]string{"record": record, "review": review} {
		if !strings.HasPrefix(md, "# One-to-one: Siân Ŵyn-Jones 🙂\n") || !strings.Contains(md, "Thu 26 Nov 2026 · saved") || !strings.Contains(md, "prompts answered: prep 3 of 20, record 7 of 12, reflection 1 of 5") {
			t.Errorf("%s header:\n%s", name, md[:min(len(md), 200)])
		}
		for _, a := range answered {
			got, ok := entry(md, a.prompt)
			if !ok {
				t.Errorf("%s lacks the prompt %q", name, a.prompt)
				continue
			}
			for _, want := range a.says {
				if !strings.Contains(got, want) {
					t.Errorf("%s: under %q found %q, want it to include %q", name, a.prompt, got, want)
				}
			}
			if strings.Contains(got, "_skipped_") {
				t.Errorf("%s: %q is answered but marked skipped", name, a.prompt)
			}
		}
		// Earlier prompts come last in their part, sorted by id.
		other := strings.Index(md, "\n### Earlier prompts\n")
		i, j := strings.Index(md, "**aaa.old**"), strings.Index(md, "**future.prompt**")
		if other < 0 || i < other || j < i || strings.Count(md, "\n### Earlier prompts") != 1 || j > strings.Index(md, "\n## The meeting record") {
			t.Errorf("%s: earlier prompts missing or out of order", name)
		}
		// Each part is labelled, in order.
		a, b, c := strings.Index(md, "\n## Your preparation\n\n_Your preparation: private notes"), strings.Index(md, "\n## The meeting record\n"), strings.Index(md, "\n## Your reflection\n")
		if a < 0 || b < a || c < b {
			t.Errorf("%s: parts missing or out of order", name)
		}
		if strings.Count(md, "- [") != 3 {
			t.Errorf("%s: the blank action should not be listed", name)
		}
	}

	// Skipped prompts appear only when asked for.
	for _, prompt := range []string{
		"Who is supporting you at the moment?",
		"Competence (contribution)",
		"What learning or development would they like?",
	} {
		if _, ok := entry(record, prompt); ok {
			t.Errorf("record shows the skipped prompt %q", prompt)
		}
		if got, ok := entry(review, prompt); !ok || !strings.Contains(got, "_skipped_") {
			t.Errorf("review: under %q found %q, want _skipped_", prompt, got)
		}
	}
	if strings.Contains(record, "_skipped_") || strings.Contains(record, "_not set_") || strings.Contains(record, "_none yet_") {
		t.Error("record should leave skipped prompts out")
	}
	// A stage with nothing answered has no heading in the record.
	if strings.Contains(record, "### Empathise") || !strings.Contains(review, "### Empathise") {
		t.Error("an empty stage should be left out of the record and kept in the review")
	}
}

func TestMarkdownEmptyAndDraft(t *testing.T) {
	g := mustGuide(t, "en")
	p := coach.Person{ID: personID, Name: "Aled"}
	s := coach.NewSession(personID, "en", now)
	md := coach.Markdown(g, p, s, coach.MarkdownOptions{})
	_, total := s.PartCompleteness(g, coach.PartRecord)
	for _, want := range []string{"# One-to-one: Aled\n", "Thu 26 Nov 2026 · draft, not yet saved", "record 0 of " + strconv.Itoa(total)} {
		if !strings.Contains(md, want) {
			t.Errorf("empty record lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "**") || strings.Contains(md, "\n## ") {
		t.Errorf("an empty record should have no prompts or stages:\n%s", md)
	}
	review := coach.Markdown(g, p, s, coach.MarkdownOptions{ShowSkipped: true})
	for prompt, want := range map[string]string{"Actions agreed": "_none yet_", "Date of the next session": "_not set_", "Workload": "_skipped_"} {
		if got, ok := entry(review, prompt); !ok || !strings.Contains(got, want) {
			t.Errorf("review: under %q found %q, want %q", prompt, got, want)
		}
	}
	if strings.Count(review, "\n### ") != len(g.Stages) || strings.Count(review, "\n## ") != len(coach.Parts) {
		t.Errorf("review should show every stage:\n%s", review)
	}
}

func TestActionLine(t *testing.T) {
	tests := []struct {
		a    coach.Action
		want string
	}{
		{coach.Action{Text: "Call", Owner: coach.OwnerMe}, "- [ ] Call (me)"},
		{coach.Action{Text: " Call ", Owner: coach.OwnerThem, Status: coach.ActionOpen, Due: d(2027, 1, 4)}, "- [ ] Call (them, by Mon 4 Jan 2027)"},
		{coach.Action{Text: "Call", Owner: coach.OwnerOther, Status: coach.ActionDone}, "- [x] Call (someone else)"},
		{coach.Action{Text: "Call", Owner: coach.OwnerMe, Status: coach.ActionDropped}, "- [ ] Call (me) — dropped"},
		{coach.Action{Text: "Call", Owner: coach.OwnerMe, Status: coach.ActionDropped, Reason: "sorted"}, "- [ ] Call (me) — dropped: sorted"},
	}
	for _, tt := range tests {
		if got := coach.ActionLine(tt.a); got != tt.want {
			t.Errorf("ActionLine(%+v) = %q, want %q", tt.a, got, tt.want)
		}
	}
}

func TestClosedActionsSayWhen(t *testing.T) {
	closed := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	done := coach.ActionLine(coach.Action{Text: "Book the refresher", Owner: coach.OwnerThem, Status: coach.ActionDone, Closed: closed})
	if done != "- [x] Book the refresher (them) — done Thu 26 Nov 2026" {
		t.Errorf("done line = %q", done)
	}
	dropped := coach.ActionLine(coach.Action{Text: "Ask estates", Owner: coach.OwnerMe, Status: coach.ActionDropped, Reason: "bought in October", Closed: closed})
	if dropped != "- [ ] Ask estates (me) — dropped Thu 26 Nov 2026: bought in October" {
		t.Errorf("dropped line = %q", dropped)
	}
}

// attend show renders only the meeting record: no prep or reflection text.
func TestMarkdownRecordOnly(t *testing.T) {
	g := mustGuide(t, "en")
	p, s := sampleSession(t)
	md := coach.Markdown(g, p, s, coach.MarkdownOptions{Parts: []coach.Part{coach.PartRecord}})
	for _, private := range []string{"Long week on the rota", "The inspection next week", "Cymraeg", "Night staffing", "They did, mostly", "Your preparation", "Your reflection"} {
		if strings.Contains(md, private) {
			t.Errorf("the record alone shows %q:\n%s", private, md)
		}
	}
	for _, shared := range []string{"## The meeting record", "Nights are the hard part", "4/5 (good), rated together", "Book the dementia care course", "Wed 24 Feb 2027"} {
		if !strings.Contains(md, shared) {
			t.Errorf("the record lacks %q:\n%s", shared, md)
		}
	}
}

// What a manager types is shown as typed, and nothing in it runs: HTML, a
// javascript: link and an unclosed code fence become plain words.
func TestMarkdownNothingRuns(t *testing.T) {
	g := mustGuide(t, "en")
	p := coach.Person{ID: personID, Name: "Eve <b>[x](javascript:alert(1))</b>"}
	s := coach.NewSession(personID, "en", now)
	s.Saved = now
	s.SetAnswer("checkin.head", coach.Answer{Text: "<img src=x onerror=alert(1)>"})
	s.SetAnswer("attend.language", coach.Answer{Text: "[x](javascript:alert(document.cookie))"})
	s.SetAnswer("understand.challenges", coach.Answer{Text: "```\nunclosed fence\n# not a heading\n1. not a list\n&#x202E;"})
	s.SetAnswer(coach.SaidID, coach.Answer{Text: "![img](http://x/y.png) ~~~"})
	s.Actions = []coach.Action{{Text: "<script>alert(1)</script>", Owner: coach.OwnerMe, Status: coach.ActionOpen}}
	md := coach.Markdown(g, p, s, coach.MarkdownOptions{})
	for _, bad := range []string{"<img", "<b>", "<script", "](javascript", "[x]", "```", "~~~", "\n# not", "\n1. not", "&#x202E;", "![img]"} {
		if unescaped(md, bad) {
			t.Errorf("the record holds %q unescaped:\n%s", bad, md)
		}
	}
	for _, want := range []string{
		`\<img src=x onerror=alert(1)\>`,
		`\[x\](javascript:alert(document.cookie))`,
		"\\`\\`\\`\\\nunclosed fence\\\n\\# not a heading\\\n1\\. not a list\\\n\\&\\#x202E;",
		`# One-to-one: Eve \<b\>\[x\](javascript:alert(1))\</b\>`,
		`- [ ] \<script\>alert(1)\</script\> (me)`,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the record lacks %q:\n%s", want, md)
		}
	}
	// Shown in the terminal, the words come back exactly.
	if got := coach.MarkdownUnescape(`\<img src=x onerror=alert(1)\>`); got != "<img src=x onerror=alert(1)>" {
		t.Errorf("MarkdownUnescape = %q", got)
	}
}

// unescaped reports whether md holds sub without a backslash before it.
func unescaped(md, sub string) bool {
	for i := 0; ; {
		j := strings.Index(md[i:], sub)
		if j < 0 {
			return false
		}
		if k := i + j; k == 0 || md[k-1] != '\\' || sub[0] == '\n' {
			return true
		}
		i += j + 1
	}
}

// Found in the review: a dated answer to a retired prompt kept its English
// date in a record written in Welsh.
func TestRetiredDateAnswerInTheRecordsLanguage(t *testing.T) {
	g := mustGuide(t, "cy")
	p := coach.Person{ID: "p1", Name: "Siân Ŵyn"}
	s := coach.NewSession(p.ID, "cy", time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC))
	s.SetAnswer("retired.when", coach.Answer{Date: coach.DateOf(time.Date(2026, 12, 14, 0, 0, 0, 0, time.UTC))})
	md := coach.Markdown(g, p, s, coach.MarkdownOptions{Lang: msg.New("cy")})
	if !strings.Contains(md, "Llun 14 Rhag 2026") || strings.Contains(md, "Dec") {
		t.Fatalf("want the Welsh date:\n%s", md)
	}
}

// An agreed record says so at its head, not "saved" (found in the tmux
// trial: `attend show` of an agreed record said "· saved ·").
func TestMarkdownSaysAgreed(t *testing.T) {
	g := mustGuide(t, "en")
	p := coach.Person{ID: personID, Name: "Aled"}
	s := coach.NewSession(personID, "en", now)
	s.Saved = now
	s.Agreed = coach.DateOf(now)
	if md := coach.Markdown(g, p, s, coach.MarkdownOptions{}); !strings.Contains(md, "Thu 26 Nov 2026 · agreed · ") {
		t.Errorf("an agreed record's head:\n%s", md)
	}
}

// Found in the trial: a next session typed as words attend cannot read
// ("mewn 6 wythnos") was kept in the record but left out of show, with its
// whole stage, so the record agreed did not say what was said about the
// next meeting. It shows the words as typed, marked as no date.
func TestMarkdownShowsAnUnreadableDateAsTyped(t *testing.T) {
	g := mustGuide(t, "en")
	p := coach.Person{ID: personID, Name: "Aled"}
	s := coach.NewSession(personID, "en", now)
	s.SetAnswer(coach.NextID, coach.Answer{Text: "in six weeks or so <b>"})
	md := coach.Markdown(g, p, s, coach.MarkdownOptions{Parts: []coach.Part{coach.PartRecord}})
	if !strings.Contains(md, "“in six weeks or so \\<b\\>” (not a date, so none is set)") {
		t.Errorf("the words typed for the next session are not shown:\n%s", md)
	}
	if !strings.Contains(md, "### Next session") {
		t.Errorf("the next session's stage is missing:\n%s", md)
	}
}

// A quick prep's review counts, and lists as skipped, only the prompts the
// quick prep showed: its header said "2 of 8" and the record under it
// "2 of 20" (the trial). Without Quick, every prompt is counted as before.
func TestMarkdownQuickCountsThePromptsShown(t *testing.T) {
	g := mustGuide(t, "en")
	p := coach.Person{ID: personID, Name: "Aled"}
	s := coach.NewSession(personID, "en", now)
	var core, extra coach.Item
	for _, it := range g.PartStages(coach.PartPrep)[0].Items {
		if it.Core && core.ID == "" && it.Kind == coach.KindText {
			core = it
		}
		if !it.Core && extra.ID == "" && it.Kind == coach.KindText {
			extra = it
		}
	}
	s.SetAnswer(core.ID, coach.Answer{Text: "busy"})
	s.SetAnswer(extra.ID, coach.Answer{Text: "Dai"})
	opt := coach.MarkdownOptions{ShowSkipped: true, Parts: []coach.Part{coach.PartPrep}}

	a, shown := s.ShownCompleteness(g, coach.PartPrep, false)
	_, all := s.PartCompleteness(g, coach.PartPrep)
	if shown == all {
		t.Fatalf("the quick prep shows every prompt (%d): nothing to test", all)
	}
	opt.Quick = true
	quick := coach.Markdown(g, p, s, opt)
	if want := fmt.Sprintf("%d of %d prep prompts answered", a, shown); !strings.Contains(quick, want) {
		t.Errorf("quick review lacks %q:\n%s", want, quick)
	}
	for _, st := range g.PartStages(coach.PartPrep) {
		for _, it := range st.Items {
			if _, ok := entry(quick, it.Prompt); ok == (it.Core || it.ID == extra.ID) {
				continue
			}
			t.Errorf("quick review: %q listed = %v, want %v", it.Prompt, !(it.Core || it.ID == extra.ID), it.Core || it.ID == extra.ID)
		}
	}

	opt.Quick = false
	if want := fmt.Sprintf("%d of %d prep prompts answered", a, all); !strings.Contains(coach.Markdown(g, p, s, opt), want) {
		t.Errorf("full review lacks %q", want)
	}
}
