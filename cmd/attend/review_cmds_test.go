package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

// attend runs the command line in-process and returns stdout and the error.
func attend(t *testing.T, args ...string) (string, error) {
	t.Helper()
	out, _, err := attendErr(t, args...)
	return out, err
}

func mustAttend(t *testing.T, args ...string) string {
	t.Helper()
	out, err := attend(t, args...)
	if err != nil {
		t.Fatalf("attend %s: %v", strings.Join(args, " "), err)
	}
	return out
}

func testGuide(t *testing.T) *coach.Guide {
	t.Helper()
	g, err := coach.LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func openStore(t *testing.T, path string) *data.Store {
	t.Helper()
	st, err := data.Open(path, data.Options{Guide: testGuide(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// contents is what a database holds, without ids or clock times (which
// differ from run to run), one line per session, sorted.
func contents(t *testing.T, path string) []string {
	t.Helper()
	st := openStore(t, path)
	var out []string
	err := st.EachSession(func(p coach.Person, s coach.Session) error {
		var b strings.Builder
		fmt.Fprintf(&b, "%s|%s|%s|%v|", p.Name, s.Date, s.Lang, p.Demo)
		for _, id := range s.AnswerIDs() {
			a := s.Answer(id)
			fmt.Fprintf(&b, "%s=%d/%s/%q;", id, a.Rating, a.Date, a.Text)
		}
		for _, a := range s.Actions {
			fmt.Fprintf(&b, "[%s|%s|%s|%s|%s]", a.Text, a.Owner, a.Due, a.Status, a.Reason)
		}
		out = append(out, b.String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func TestDemoCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	out := mustAttend(t, "demo", "--sessions", "120", "--seed", "3", "--db", db)
	if !strings.Contains(out, "5 demo people (5 new), 120 sessions") {
		t.Errorf("summary line: %q", out)
	}
	st := openStore(t, db)
	people, err := st.People()
	if err != nil {
		t.Fatal(err)
	}
	total, overdue := 0, 0
	for _, p := range people {
		total += p.Sessions
		if !p.Demo || p.Cadence.Effective() == (coach.Cadence{}) {
			t.Errorf("%s: Demo is %v, cadence %v", p.Name, p.Demo, p.Cadence)
		}
		if p.Created.After(time.Now().AddDate(0, 0, -1)) || (p.Sessions > 0) == p.LastSession.IsZero() {
			t.Errorf("%s: created %s, last session %s: want the made-up past", p.Name, p.Created, p.LastSession)
		}
		if coach.DueFor(p, coach.DateOf(time.Now())).State == coach.Overdue {
			overdue++
		}
	}
	if len(people) != 5 || total != 120 {
		t.Fatalf("%d people with %d sessions, want 5 with 120", len(people), total)
	}
	t.Logf("%d of %d people overdue", overdue, len(people))
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}

	// The same seed on another file makes the same people, notes and dates.
	db2 := filepath.Join(t.TempDir(), "demo.db")
	mustAttend(t, "demo", "--sessions", "120", "--seed", "3", "--db", db2)
	a, b := contents(t, db), contents(t, db2)
	if !slices.Equal(a, b) {
		t.Fatalf("seed 3 twice gave different databases:\n%s\n---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
	db3 := filepath.Join(t.TempDir(), "demo.db")
	mustAttend(t, "demo", "--sessions", "120", "--seed", "4", "--db", db3)
	if slices.Equal(a, contents(t, db3)) {
		t.Fatal("seeds 3 and 4 gave the same database")
	}

	// A second demo adds to a demo database: its people are marked as made up.
	_, err = attend(t, "demo", "--sessions", "10", "--seed", "9", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	people, err = st.People()
	if err != nil {
		t.Fatal(err)
	}
	total = 0
	for _, p := range people {
		total += p.Sessions
	}
	if total != 130 {
		t.Errorf("%d sessions after a second demo, want 130", total)
	}
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDemoRefusesRealData(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st := openStore(t, db)
	p, _, err := st.EnsurePerson("Siân Ŵyn")
	if err != nil {
		t.Fatal(err)
	}
	s := coach.NewSession(p.ID, "en", time.Now())
	s.SetAnswer("understand.challenges", coach.Answer{Text: "Rota gaps on Tuesdays."})
	if _, err := st.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before := readFile(t, db)

	_, err = attend(t, "demo", "--sessions", "50", "--db", db)
	if !errors.Is(err, errRealPeople) || exitCode(err) != 1 {
		t.Fatalf("demo on a real database: %v (exit %d)", err, exitCode(err))
	}
	if msg := err.Error(); !strings.Contains(msg, "1 person") || strings.Contains(msg, "Siân") {
		t.Errorf("message should count, never name, the real people: %q", msg)
	}
	if !bytes.Equal(before, readFile(t, db)) {
		t.Fatal("the refused demo changed the file")
	}

	// Encrypted, with its passphrase given: refused all the same.
	pass := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustAttend(t, "encrypt", "--db", db, "--passphrase-file", pass)
	before = readFile(t, db)
	_, err = attend(t, "demo", "--sessions", "50", "--db", db, "--passphrase-file", pass)
	if !errors.Is(err, errRealPeople) {
		t.Fatalf("demo on an encrypted real database: %v", err)
	}
	if !bytes.Equal(before, readFile(t, db)) {
		t.Fatal("the refused demo changed the encrypted file")
	}
}

func TestDemoUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	for _, args := range [][]string{
		{"demo"},
		{"demo", "--sessions", "0"},
		{"demo", "--sessions", "10", "--people", "-1"},
		{"demo", "--sessions", "10", "--people", "100000"},
		{"demo", "--sessions", "ten"},
	} {
		_, err := attend(t, append(args, "--db", db)...)
		if exitCode(err) != 2 {
			t.Errorf("%v: %v (exit %d), want a usage error", args, err, exitCode(err))
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a usage error created the database")
	}
}

// logFixture is a small database with known notes: three people, sessions
// on known dates, accents in names and in notes.
type logFixture struct {
	db       string
	ids      map[string]string // label -> session id
	sian, ll coach.Person
}

func newLogFixture(t *testing.T) logFixture {
	t.Helper()
	f := logFixture{db: filepath.Join(t.TempDir(), "attend.db"), ids: map[string]string{}}
	st := openStore(t, f.db)
	person := func(name string) coach.Person {
		p, _, err := st.EnsurePerson(name)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	f.sian, f.ll = person("Siân Ŵyn"), person("Llŷr Ifans")
	aled := person("Aled Evans")
	base := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	add := func(label string, p coach.Person, date coach.Date, lang string, notes map[string]string, acts ...coach.Action) {
		s := coach.NewSession(p.ID, lang, base)
		base = base.Add(time.Minute)
		s.Date = date
		for id, text := range notes {
			s.SetAnswer(id, coach.Answer{Text: text})
		}
		s.Actions = acts
		saved, err := st.SaveSession(s)
		if err != nil {
			t.Fatal(err)
		}
		f.ids[label] = saved.ID
	}
	add("sian-jan", f.sian, coach.Date{Year: 2026, Month: 1, Day: 14}, "en",
		map[string]string{"understand.challenges": "Rota\ngaps on Tuesdays; the CIW visit."})
	add("sian-apr", f.sian, coach.Date{Year: 2026, Month: 4, Day: 2}, "en",
		map[string]string{"checkin.head": "Talked with Llŷr about the night shifts.", "empathise.feeling": "Hiraeth for the old team."})
	add("llyr-mar", f.ll, coach.Date{Year: 2026, Month: 3, Day: 10}, "en",
		map[string]string{coach.SaidID: "Covering for sian all week, happily."},
		coach.Action{Text: "Book the refresher", Owner: coach.OwnerMe, Status: coach.ActionDropped, Reason: "Course cancelled by the provider"})
	add("aled-mar", aled, coach.Date{Year: 2026, Month: 3, Day: 10}, "en",
		map[string]string{"close.reflection": "Diolch i Siân a Llŷr for the cover; a long walk in Pen Llŷn."})
	add("aled-jun", aled, coach.Date{Year: 2026, Month: 6, Day: 30}, "cy",
		map[string]string{"understand.challenges": "Gwaith papur ar ôl pob galwad.", "help.obstacle": "Mae'r ŵyn yn y cae."})
	return f
}

// logIDs runs attend log with args and returns the session ids it printed.
func (f logFixture) logIDs(t *testing.T, args ...string) []string {
	t.Helper()
	out := mustAttend(t, append([]string{"log", "--db", f.db}, args...)...)
	if strings.Contains(out, "\x1b") {
		t.Fatalf("escape codes in output that is not a terminal: %q", out)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		ids = append(ids, strings.Split(line, "  ")[0])
	}
	return ids
}

func (f logFixture) labels(ids []string) []string {
	var out []string
	for _, id := range ids {
		for label, x := range f.ids {
			if x == id {
				out = append(out, label)
			}
		}
	}
	return out
}

func TestLog(t *testing.T) {
	f := newLogFixture(t)
	// Two sessions on 10 March: the later-made (larger id) comes first.
	mar := []string{"llyr-mar", "aled-mar"}
	if f.ids["llyr-mar"] < f.ids["aled-mar"] {
		mar = []string{"aled-mar", "llyr-mar"}
	}
	all := append(append([]string{"aled-jun", "sian-apr"}, mar...), "sian-jan")

	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, all},
		{[]string{"--limit", "2"}, all[:2]},
		{[]string{"--limit", "0"}, all},
		{[]string{"--person", "sian"}, []string{"sian-apr", "sian-jan"}},
		{[]string{"--person", "LLYR"}, []string{"llyr-mar"}},
		{[]string{"--since", "2026-03-10"}, all[:4]},
		{[]string{"--until", "10/3/2026"}, all[2:]},
		{[]string{"--since", "2026-03-10", "--until", "2026-03-10"}, mar},
		{[]string{"--since", "2026-07-01"}, nil},
		// Case and accents ignored both ways, in notes (not names).
		{[]string{"--grep", "sian"}, mar},
		{[]string{"--grep", "Siân"}, mar},
		{[]string{"--grep", "wyn"}, []string{"aled-jun"}},
		{[]string{"--grep", "LLYR"}, []string{"sian-apr", "aled-mar"}},
		{[]string{"--grep", "hiraeth"}, []string{"sian-apr"}},
		// Across a line break, and in actions and their reasons.
		{[]string{"--grep", "rota  gaps"}, []string{"sian-jan"}},
		{[]string{"--grep", "course cancelled"}, []string{"llyr-mar"}},
		{[]string{"--grep", "REFRESHER"}, []string{"llyr-mar"}},
		// Every word, each in any note of the session; punctuation only
		// separates words.
		{[]string{"--grep", "shifts. hiraeth"}, []string{"sian-apr"}},
		{[]string{"--grep", "shifts visit"}, nil},
		// Each word as the start of a word.
		{[]string{"--grep", "sia"}, mar},
		{[]string{"--grep", "HIR cov"}, nil},
		{[]string{"--grep", "cov happ"}, []string{"llyr-mar"}},
		{[]string{"--grep", "ian"}, nil},
		{[]string{"--grep", "llyr", "--person", "aled"}, []string{"aled-mar"}},
		{[]string{"--grep", "llyr", "--until", "2026-03-31"}, []string{"aled-mar"}},
		{[]string{"--grep", "llyr", "--limit", "1"}, []string{"sian-apr"}},
		{[]string{"--grep", "nowhere at all"}, nil},
	} {
		if got := f.labels(f.logIDs(t, tc.args...)); !slices.Equal(got, tc.want) {
			t.Errorf("log %v = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestLogFormat(t *testing.T) {
	f := newLogFixture(t)
	out := mustAttend(t, "log", "--db", f.db, "--person", "llyr")
	want := f.ids["llyr-mar"] + "  2026-03-10  Llŷr Ifans  Covering for sian all week, happily.\n"
	if out != want {
		t.Errorf("log line\n got %q\nwant %q", out, want)
	}
	// A session with only a prep: a plain label, never the prep's words.
	out = mustAttend(t, "log", "--db", f.db, "--person", "sian")
	if strings.Contains(out, "Rota") || strings.Contains(out, "Hiraeth") || strings.Count(out, "  prep only, no record yet\n") != 2 {
		t.Errorf("log of a prep-only session:\n%s", out)
	}
	if out := mustAttend(t, "log", "--db", f.db, "--person", "sian", "--lang", "cy"); strings.Count(out, "  paratoad yn unig, dim cofnod eto\n") != 2 {
		t.Errorf("log of a prep-only session in Welsh:\n%s", out)
	}

	// On a terminal: aligned, dimmed ids, cut to the width.
	st := openStore(t, f.db)
	var b bytes.Buffer
	if _, _, err := writeLog(st, &b, logQuery{}, logStyle{tty: true, width: 60, nameWidth: 10, dim: true, noRecord: "prep only, no record yet"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines: %q", len(lines), b.String())
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 60 {
			t.Errorf("line is %d wide, more than 60: %q", w, l)
		}
		if !strings.HasPrefix(l, "\x1b[2m") {
			t.Errorf("id not dimmed: %q", l)
		}
		// id(26)  date(10)  name(10)  preview: every character here is
		// one column wide, so runes are columns.
		r := []rune(ansi.Strip(l))
		if len(r) < 53 || string(r[26:28]) != "  " || string(r[38:40]) != "  " || string(r[50:52]) != "  " || r[52] == ' ' {
			t.Errorf("columns not aligned: %q", string(r))
		}
	}
}

func TestLogUsage(t *testing.T) {
	f := newLogFixture(t)
	for _, args := range [][]string{
		{"--since", "someday"},
		{"--until", "31/2/2026"},
		{"--since", "2026-05-01", "--until", "2026-04-01"},
		{"--limit", "-3"},
		{"--grep", "  "},
		{"stray"},
	} {
		_, err := attend(t, append([]string{"log", "--db", f.db}, args...)...)
		if exitCode(err) != 2 {
			t.Errorf("log %v: %v (exit %d), want a usage error", args, err, exitCode(err))
		}
	}
	_, err := attend(t, "log", "--db", f.db, "--person", "Nobody")
	if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), `no one is called "Nobody"`) {
		t.Errorf("unknown person: %v", err)
	}
}

func TestShow(t *testing.T) {
	f := newLogFixture(t)
	st := openStore(t, f.db)
	id := f.ids["sian-apr"]
	s, err := st.Session(id)
	if err != nil {
		t.Fatal(err)
	}
	want := coach.Markdown(testGuide(t), f.sian, s, coach.MarkdownOptions{Parts: []coach.Part{coach.PartRecord}})
	wantPrivate := coach.Markdown(testGuide(t), f.sian, s, coach.MarkdownOptions{})

	for _, q := range []string{id, id[:12], strings.ToLower(id[:8])} {
		if got := mustAttend(t, "show", "--db", f.db, q); got != want {
			t.Errorf("show %s:\n%s\nwant:\n%s", q, got, want)
		}
		if got := mustAttend(t, "show", "--db", f.db, q, "--private"); got != wantPrivate {
			t.Errorf("show %s --private:\n%s\nwant:\n%s", q, got, wantPrivate)
		}
	}
	// The meeting record alone holds nothing from the prep; --private adds
	// it, labelled as private.
	if got := mustAttend(t, "show", "--db", f.db, id); strings.Contains(got, "Hiraeth") || strings.Contains(got, "Your preparation") {
		t.Errorf("show without --private shows the prep:\n%s", got)
	}
	if got := mustAttend(t, "show", "--db", f.db, id, "--private"); !strings.Contains(got, "Hiraeth") ||
		!strings.Contains(got, "_Your preparation: private notes, not part of the record you agree, still covered by a subject access request._") {
		t.Errorf("show --private lacks the labelled prep:\n%s", got)
	}
	if got := mustAttend(t, "show", "--db", f.db, f.ids["aled-jun"], "--private"); !strings.Contains(got, "Eich paratoi") || !strings.Contains(got, "ŵyn yn y cae") {
		t.Errorf("a Welsh session should show with the Welsh prompts:\n%s", got)
	}

	// Two sessions made in the same millisecond share their first ten
	// characters.
	made := time.Now()
	var twins []string
	for range 2 {
		s := coach.NewSession(f.ll.ID, "en", made)
		s.SetAnswer("checkin.head", coach.Answer{Text: "A twin."})
		saved, err := st.SaveSession(s)
		if err != nil {
			t.Fatal(err)
		}
		twins = append(twins, saved.ID)
	}
	if twins[0][:10] != twins[1][:10] {
		t.Fatalf("ids %v do not share a prefix", twins)
	}
	for _, tc := range []struct {
		id   string
		kind error
	}{
		{twins[0][:10], data.ErrAmbiguous},
		{"01", data.ErrNotFound},
		{"ZZZZZZZZ", data.ErrNotFound},
		{id[:25] + "!", data.ErrNotFound},
	} {
		_, err := attend(t, "show", "--db", f.db, tc.id)
		if !errors.Is(err, tc.kind) || exitCode(err) != 1 {
			t.Errorf("show %s: %v (exit %d), want %v and exit 1", tc.id, err, exitCode(err), tc.kind)
		}
	}
	for _, args := range [][]string{{"show"}, {"show", "a", "b"}} {
		if _, err := attend(t, append(args, "--db", f.db)...); exitCode(err) != 2 {
			t.Errorf("%v: %v", args, err)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := msg.Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// attendErr runs the command line and returns stdout and stderr apart.
func attendErr(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

// onDay makes the commands work as if today were day.
func onDay(t *testing.T, day coach.Date) {
	t.Helper()
	old := today
	today = func() coach.Date { return day }
	t.Cleanup(func() { today = old })
}

// Filters look back: a yearless date is the one just gone, a bare count is
// that long ago; --until holds its whole day; what was understood is said
// on stderr, and stdout holds only sessions.
func TestLogDatesLookBack(t *testing.T) {
	f := newLogFixture(t)
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 27})
	mar := []string{"llyr-mar", "aled-mar"}
	if f.ids["llyr-mar"] < f.ids["aled-mar"] {
		mar = []string{"aled-mar", "llyr-mar"}
	}
	for _, tc := range []struct {
		args []string
		want []string
		said string // on stderr, "" for nothing
	}{
		{[]string{"--since", "1/3"}, append([]string{"aled-jun", "sian-apr"}, mar...), "since Sun 1 Mar 2026\n"},
		{[]string{"--since", "2026-03-01", "--until", "30/6"}, append([]string{"aled-jun", "sian-apr"}, mar...), "since Sun 1 Mar 2026, until Tue 30 Jun 2026 (the whole day)\n"},
		{[]string{"--since", "2026-03-01", "--until", "2026-06-29"}, append([]string{"sian-apr"}, mar...), ""},
		{[]string{"--since", "40w"}, append([]string{"aled-jun", "sian-apr"}, mar...), "since Fri 20 Feb 2026\n"},
		{[]string{"--since", "-40w"}, append([]string{"aled-jun", "sian-apr"}, mar...), "since Fri 20 Feb 2026\n"},
		{[]string{"--since", "yesterday"}, nil, "since Thu 26 Nov 2026\n"},
		{[]string{"--until", "last month", "--since", "1y"}, []string{"aled-jun", "sian-apr", mar[0], mar[1], "sian-jan"}, "since Thu 27 Nov 2025, until Tue 27 Oct 2026 (the whole day)\n"},
		{[]string{"--grep", "llyr", "--since", "1/4"}, []string{"sian-apr"}, "since Wed 1 Apr 2026\n"},
	} {
		out, said, err := attendErr(t, append([]string{"log", "--db", f.db}, tc.args...)...)
		if err != nil {
			t.Errorf("log %v: %v", tc.args, err)
			continue
		}
		var ids []string
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if line != "" {
				ids = append(ids, strings.Split(line, "  ")[0])
			}
		}
		if got := f.labels(ids); !slices.Equal(got, tc.want) {
			t.Errorf("log %v = %v, want %v", tc.args, got, tc.want)
		}
		if said != tc.said {
			t.Errorf("log %v said %q on stderr, want %q", tc.args, said, tc.said)
		}
	}
	if _, _, err := attendErr(t, "log", "--db", f.db, "--since", "1/9", "--until", "1/8"); exitCode(err) != 2 || !strings.Contains(err.Error(), "before --since") {
		t.Errorf("a range that ends before it starts: %v", err)
	}
}

// Without --db, demo never fills the manager's own database: it writes a
// file of its own beside it and says how to open it.
func TestDemoWithoutDBUsesItsOwnFile(t *testing.T) {
	t.Cleanup(xdg.Reload) // after the environment is put back
	home := filepath.Join(t.TempDir(), "share")
	t.Setenv("ATTEND_DB", "")
	t.Setenv("XDG_DATA_HOME", home)
	xdg.Reload()
	dir := filepath.Join(home, "attend")
	own, demo := filepath.Join(dir, "attend.db"), filepath.Join(dir, "attend-demo.db")

	out := mustAttend(t, "demo", "--sessions", "10")
	if !strings.Contains(out, " to "+demo+" in ") || !strings.Contains(out, "Open it with: attend --db "+demo+"\n") {
		t.Errorf("demo said %q", out)
	}
	if _, err := os.Stat(own); !os.IsNotExist(err) {
		t.Errorf("demo touched the default database: %v", err)
	}
	if fi, err := os.Stat(demo); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("demo file: %v, %v", fi, err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("data folder: %v, %v", fi, err)
	}

	// Named on purpose, the default database is used (and says nothing
	// about a file of its own); so is ATTEND_DB.
	out = mustAttend(t, "demo", "--sessions", "10", "--db", own)
	if !strings.Contains(out, " to "+own+" in ") || strings.Contains(out, "Open it with") {
		t.Errorf("demo --db default said %q", out)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	t.Setenv("ATTEND_DB", other)
	if out := mustAttend(t, "demo", "--sessions", "10"); !strings.Contains(out, " to "+other+" in ") {
		t.Errorf("demo with ATTEND_DB said %q", out)
	}
}
