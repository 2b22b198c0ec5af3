package data

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"attend/coach"
)

// TestExportImportFollowUps: the record, its agreement and addenda, closed
// actions and demo people survive export → import → export.
func TestExportImportFollowUps(t *testing.T) {
	src := openTest(t, testPath(t))
	f := newSearchFixture(t, src)
	if _, err := src.UpdatePerson(f.aled.ID, func(p *coach.Person) error { p.Demo = true; return nil }); err != nil {
		t.Fatal(err)
	}
	jan := mustSession(t, src, f.ids["sian-jan"])
	if _, err := src.CompleteSession(jan.ID, "", []coach.Action{{Text: "Call the CIW", Owner: coach.OwnerMe}}, coach.Date{}); err != nil {
		t.Fatal(err)
	}
	jan = mustSession(t, src, jan.ID)
	if _, err := src.SetActionStatus(jan.ID, jan.Actions[0].ID, coach.ActionDone, ""); err != nil {
		t.Fatal(err)
	}
	first := exportJSON(t, src)
	for _, want := range []string{`"text": "Discussed lambing leave."`, `"part": "record"`, `"agreed": "2026-07-01"`, `"addenda": [`, `"closed": "`, `"demo": true`} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("the export lacks %s", want)
		}
	}

	dst := openTest(t, testPath(t))
	if _, err := dst.Import(parseImport(t, first)); err != nil {
		t.Fatal(err)
	}
	second := exportJSON(t, dst)
	a, b := decodeExport(t, first), decodeExport(t, second)
	ja, _ := json.MarshalIndent(a, "", " ")
	jb, _ := json.MarshalIndent(b, "", " ")
	if !bytes.Equal(ja, jb) {
		t.Errorf("export → import → export differs:\n%s\n---\n%s", ja, jb)
	}
	if got := mustSession(t, dst, f.ids["aled-jun"]); !got.IsAgreed() || len(got.Addenda) != 1 {
		t.Errorf("imported %+v", got)
	}
	if p, _ := dst.Person(f.aled.ID); !p.Demo {
		t.Error("the demo mark was lost")
	}
	if err := dst.Check(); err != nil {
		t.Fatal(err)
	}

	// An agreed record is not replaced by a newer version that is not
	// agreed (an older copy edited elsewhere): it is kept, and counted.
	doc := parseImport(t, first)
	for i := range doc.Sessions {
		if doc.Sessions[i].ID == f.ids["aled-jun"] {
			doc.Sessions[i].Agreed = coach.Date{}
			doc.Sessions[i].SetAnswer(coach.SaidID, coach.Answer{Text: "Rewritten"})
			doc.Sessions[i].Updated = doc.Sessions[i].Updated.Add(3600e9)
		}
	}
	res, err := dst.Import(doc)
	if err != nil {
		t.Fatal(err)
	}
	if res.SessionsKeptAgreed != 1 || res.Changed() {
		t.Errorf("import over an agreed record: %+v", res)
	}
	if got := mustSession(t, dst, f.ids["aled-jun"]); got.Said() != "Discussed lambing leave." {
		t.Errorf("the agreed record was replaced: %q", got.Said())
	}

	// Fields an export cannot hold are refused by name.
	bad := strings.Replace(string(first), `"agreed": "2026-07-01"`, `"agreed": "2026-02-31"`, 1)
	if _, err := coach.ParseImport([]byte(bad)); err == nil || !strings.Contains(err.Error(), ".agreed") {
		t.Errorf("a bad agreed date: %v", err)
	}
}
