package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// cobra's and pflag's refusals (an unknown command or flag, a flag without
// its value or with one that does not parse) are misuse, exit 2, in every
// language; in Welsh they are Welsh, and in English they are cobra's own
// words as they always were, but for a value that does not parse: pflag
// ends that in Go's own ("strconv.ParseInt: parsing…"), so attend says why
// in plain English (found in a trial).
func TestCobraRefusalsSaidInTheLanguage(t *testing.T) {
	cases := []struct {
		args    []string
		english string // cobra's or pflag's own words
		welsh   string
	}{
		{[]string{"nonsense"}, `unknown command "nonsense" for "attend"`, `does gan attend ddim gorchymyn "nonsense"`},
		{[]string{"lgo"}, `unknown command "lgo" for "attend": did you mean log?`, `oeddech chi'n golygu log?`},
		{[]string{"help", "nonsense"}, `unknown command "nonsense" for "attend"`, `does gan attend ddim gorchymyn "nonsense"`},
		{[]string{"log", "--nonsense"}, "unknown flag: --nonsense", "does dim fflag --nonsense gan attend log"},
		{[]string{"log", "-x"}, "unknown shorthand flag: 'x' in -x", "does dim fflag fer -x gan attend log"},
		{[]string{"log", "--limit", "x"}, `invalid argument "x" for --limit flag: it is not a whole number`, `alla i ddim defnyddio "x" gyda --limit: dydy e ddim yn rhif cyfan`},
		{[]string{"log", "--limit", "99999999999999999999"}, "the number is too large", "mae'r rhif yn rhy fawr"},
		{[]string{"--lock-after", "soon"}, `invalid argument "soon" for --lock-after flag: it is not a length of time`, "dydy e ddim yn hyd o amser"},
		{[]string{"prep", "Ann", "--new=maybe"}, `invalid argument "maybe" for --new flag: it must be true or false`, "rhaid iddo fod yn true neu false"},
	}
	for _, c := range cases {
		_, _, err := attendErr(t, append(c.args, "--lang", "en")...)
		if err == nil || !strings.Contains(err.Error(), c.english) || exitCode(err) != 2 {
			t.Errorf("attend %s (English): %v (exit %d), want %q and exit 2", strings.Join(c.args, " "), err, exitCode(err), c.english)
		}
		out, err := cyRun(t, "", c.args...)
		if err == nil || !strings.Contains(out, c.welsh) || exitCode(err) != 2 {
			t.Errorf("attend %s (Welsh): %q (exit %d), want %q and exit 2", strings.Join(c.args, " "), out, exitCode(err), c.welsh)
		}
		noEnglish(t, "attend "+strings.Join(c.args, " "), out)
	}
	// Its value is missing: the flag is the last word.
	_, _, err := attendErr(t, "--lang", "cy", "log", "--limit")
	if err == nil || !strings.Contains(err.Error(), "mae angen gwerth ar ôl --limit") || exitCode(err) != 2 {
		t.Errorf("attend log --limit (Welsh): %v", err)
	}
	if err != nil {
		noEnglish(t, "attend log --limit", err.Error())
	}
}

// fang's own words on a help page (its headings, [command], [--flags])
// are Welsh under --lang cy, and the lists stay in line; a value that
// only looks like a request for help leaves what is printed alone.
func TestHelpPageHeadingsInWelsh(t *testing.T) {
	out, err := cyRun(t, "", "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"DEFNYDD", "GORCHMYNION", "FFLAGIAU", "attend [gorchymyn] [--fflagiau]"} {
		if !strings.Contains(out, want) {
			t.Errorf("root help lacks %q:\n%s", want, out)
		}
	}
	// Every description in the commands list starts in the same column.
	col := -1
	for _, line := range strings.Split(out, "\n") {
		m := listRow().FindStringSubmatchIndex(line)
		if m == nil || !strings.Contains(line, "[--fflagiau]") {
			continue
		}
		if col == -1 {
			col = m[8]
		} else if m[8] != col {
			t.Errorf("a description out of line (column %d, not %d): %q", m[8], col, line)
		}
	}
	if col == -1 {
		t.Fatalf("no commands listed:\n%s", out)
	}
	out, err = cyRun(t, "", "help", "log")
	if err != nil || !strings.Contains(out, "ENGHREIFFTIAU") || !strings.Contains(out, "DEFNYDD") {
		t.Errorf("attend help log: %v\n%s", err, out)
	}
	// English is fang's own.
	en, _ := attendIn(t, "", "log", "--help", "--lang", "en")
	for _, want := range []string{"USAGE", "EXAMPLES", "FLAGS", "[--flags]"} {
		if !strings.Contains(en, want) {
			t.Errorf("English help lacks %q:\n%s", want, en)
		}
	}
}

func TestSayHelpPageLinesUpRows(t *testing.T) {
	page := strings.Join([]string{
		"  COMMANDS",
		"    a [--flags]       short one",
		"    longer [command] [--flags]  long one",
		"                                still the long one",
		"  FLAGS",
		"    --x  an x",
		"",
	}, "\n")
	got := sayHelpPage(wordsIn("cy"), page, 0)
	want := strings.Join([]string{
		"  GORCHMYNION",
		"    a [--fflagiau]                   short one",
		"    longer [gorchymyn] [--fflagiau]  long one",
		"                                     still the long one",
		"  FFLAGIAU",
		"    --x  an x",
		"",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// On a terminal fang colours the page: the rows line up by what shows, not
// by bytes, and the usage block's background stays one width.
func TestSayHelpPageInColour(t *testing.T) {
	const g, dim, bg, r = "\x1b[92m", "\x1b[90m", "\x1b[44m", "\x1b[m"
	page := strings.Join([]string{
		"  \x1b[1mUSAGE" + r,
		"  " + bg + strings.Repeat(" ", 30) + r,
		"  " + bg + "  attend" + dim + " [command] [--flags]" + r + bg + "  " + r,
		"  " + bg + strings.Repeat(" ", 30) + r,
		"  \x1b[1mCOMMANDS" + r,
		"    " + g + "a" + r + dim + " [--flags]" + r + "                  " + "short one",
		"    " + g + "longer" + r + dim + " [command] [--flags]" + r + "  " + "long one",
		"",
	}, "\n")
	lines := strings.Split(ansi.Strip(sayHelpPage(wordsIn("cy"), page, 0)), "\n")
	if lines[0] != "  DEFNYDD" || lines[4] != "  GORCHMYNION" {
		t.Errorf("headings: %q", lines)
	}
	if w1, w2, w3 := len([]rune(lines[1])), len([]rune(lines[2])), len([]rune(lines[3])); w1 != w2 || w2 != w3 {
		t.Errorf("the usage block is %d, %d and %d wide:\n%s", w1, w2, w3, strings.Join(lines[1:4], "\n"))
	}
	if a, b := strings.Index(lines[5], "short one"), strings.Index(lines[6], "long one"); a != b || a < 0 {
		t.Errorf("descriptions at %d and %d:\n%s\n%s", a, b, lines[5], lines[6])
	}
}

// On a terminal the lists fit its width: a name too long for the column
// has its description on the next line, and descriptions wrap at words
// under the column (the terminal broke "superv/ision" at 80 columns).
func TestSayHelpPageFitsTheScreen(t *testing.T) {
	page := strings.Join([]string{
		"  COMMANDS",
		"    log [--flags]  " + strings.Repeat("word ", 20) + "(--new to add someone)",
		"    record SESSION-ID [--discussed TEXT] [--action TEXT]... [--next DATE] [--flags]  Complete the record",
		"",
	}, "\n")
	got := sayHelpPage(wordsIn("en"), page, 60)
	for _, line := range strings.Split(got, "\n") {
		if w := ansi.StringWidth(line); w > 60 {
			t.Errorf("a line %d wide on a 60-column screen: %q", w, line)
		}
	}
	lines := strings.Split(got, "\n")
	if !strings.HasPrefix(lines[1], "    log [--flags]  word") || !strings.HasPrefix(lines[2], strings.Repeat(" ", 19)+"word") {
		t.Errorf("descriptions do not wrap under the column:\n%s", got)
	}
	if strings.Contains(got, "(--\n") {
		t.Errorf("a flag broken at its hyphens:\n%s", got)
	}
	if i := strings.Index(got, "Complete the record"); i < 0 || !strings.Contains(got, "[--flags]\n"+strings.Repeat(" ", 19)+"Complete the record") {
		t.Errorf("a long name's description is not on the next line:\n%s", got)
	}
}
