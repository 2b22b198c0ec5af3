package main

import (
	"strings"
	"testing"
)

// --years 0 on a file with no retention set says it leaves retention off
// and what --years does, rather than looking like a command that did
// nothing; a period out of range says what is accepted, in Welsh too.
func TestRetentionSaysWhatYearsZeroDoes(t *testing.T) {
	db := peopleDB(t, "Siân Ŵyn")
	out, err := attendIn(t, "", "retention", "--db", db, "--years", "0")
	if err != nil || !strings.Contains(out, "--years 0 leaves it off") || !strings.Contains(out, "after a person's last session") {
		t.Errorf("--years 0 with none set: %v\n%s", err, out)
	}
	for _, years := range []string{"-1", "100"} {
		_, err := attendIn(t, "", "retention", "--db", db, "--years", years)
		if exitCode(err) != 2 || !strings.Contains(err.Error(), "1 to 99 years after a person's last session, or 0 to turn retention off; not "+years) {
			t.Errorf("--years %s: %v", years, err)
		}
		_, err = attendIn(t, "", "--lang", "cy", "retention", "--db", db, "--years", years)
		if exitCode(err) != 2 || !strings.Contains(err.Error(), "rhwng 1 a 99 o flynyddoedd") {
			t.Errorf("--lang cy --years %s: %v", years, err)
		}
	}
	cy, err := attendIn(t, "", "--lang", "cy", "retention", "--db", db, "--years", "0")
	if err != nil || !strings.Contains(cy, "mae --years 0 yn ei adael i ffwrdd") {
		t.Errorf("Welsh --years 0: %v\n%s", err, cy)
	}
}
