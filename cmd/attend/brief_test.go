package main

import (
	"strings"
	"testing"
)

// A dated correction (addendum) to an agreed record goes wherever that
// record is shown for the next meeting: show, export --format md and brief,
// labelled as a correction, with its date and the record's.
func TestACorrectionShowsWhereverItsRecordDoes(t *testing.T) {
	f := newFollowUpFixture(t)
	id := f.sessions["aled"]
	mustAttend(t, "record", "--db", f.db, id, "--discussed", "Rota gaps; the CIW visit is in May", "--agreed", "today")
	const fix = "Correction: the CIW visit is in March, not May"
	mustAttend(t, "addendum", "--db", f.db, id, fix)

	for _, args := range [][]string{
		{"show", id},
		{"export", "--format", "md", "--person", "aled"},
		{"brief", "aled"},
	} {
		out := mustAttend(t, append(args, "--db", f.db)...)
		if !strings.Contains(out, fix) {
			t.Errorf("attend %s leaves out the correction:\n%s", strings.Join(args, " "), out)
		}
	}
	brief := mustAttend(t, "brief", "--db", f.db, "aled")
	if !strings.Contains(brief, "## Corrections added to these records") || !strings.Contains(brief, ", correcting the record of ") {
		t.Errorf("brief does not label the correction as one:\n%s", brief)
	}
	// Before what it corrects.
	if strings.Index(brief, fix) > strings.Index(brief, "## Actions") {
		t.Errorf("brief gives the correction after the actions it may correct:\n%s", brief)
	}
	// Someone else's brief has none of it.
	if sian := mustAttend(t, "brief", "--db", f.db, "sian"); strings.Contains(sian, "Correction") {
		t.Errorf("Siân's brief has Aled's correction:\n%s", sian)
	}
	cy := mustAttend(t, "brief", "--lang", "cy", "--db", f.db, "aled")
	if !strings.Contains(cy, "## Cywiriadau a ychwanegwyd at y cofnodion hyn") || !strings.Contains(cy, fix) {
		t.Errorf("Welsh brief:\n%s", cy)
	}
}
