package data

import (
	"errors"
	"testing"

	"attend/coach"
)

func TestSavePartWritesOnePartAndRefusesAStaleWindow(t *testing.T) {
	path := testPath(t)
	st := openTest(t, path)
	p := mustPerson(t, st, "Siân Ŵyn")
	saved, err := st.SaveSession(prep(st, p, day(2026, 11, 20), "private thought"))
	if err != nil {
		t.Fatal(err)
	}
	answers := map[string]coach.Answer{
		coach.SaidID:     {Text: "Tuesdays are hard"},
		"needs.workload": {Rating: 2, Together: true},
	}
	acts := []coach.Action{{Text: "Cover Tuesday lates", Owner: coach.OwnerMe}}
	got, err := st.SavePart(saved.ID, saved, coach.PartRecord, answers, acts)
	if err != nil {
		t.Fatal(err)
	}
	if got.Said() != "Tuesdays are hard" || len(got.LiveActions()) != 1 || !got.Answer("needs.workload").Together {
		t.Fatalf("record after SavePart: %+v", got)
	}
	if got.Answers(coach.PartPrep)["checkin.head"].Text == "" && len(got.Answers(coach.PartPrep)) == 0 {
		t.Fatal("the prep was lost")
	}
	// A window still holding the record as it was before is refused.
	if _, err := st.SavePart(saved.ID, saved, coach.PartRecord, map[string]coach.Answer{coach.SaidID: {Text: "stale"}}, nil); !errors.Is(err, coach.ErrRecordChanged) {
		t.Fatalf("a stale write: %v, want ErrRecordChanged", err)
	}
	// The reflection is written alone, even by a window that read the
	// session before the record changed: another part is no conflict.
	ref, err := st.SavePart(saved.ID, saved, coach.PartReflection, map[string]coach.Answer{"reflect.talking": {Text: "Me, mostly"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ref.Said() != "Tuesdays are hard" || len(ref.LiveActions()) != 1 || ref.Answer("reflect.talking").Text != "Me, mostly" {
		t.Fatalf("after the reflection: %+v", ref)
	}
	// An agreed record is read-only; the reflection is still yours.
	if _, err := st.AgreeSession(saved.ID, day(2026, 11, 26)); err != nil {
		t.Fatal(err)
	}
	cur, _ := st.Session(saved.ID)
	if _, err := st.SavePart(saved.ID, cur, coach.PartRecord, answers, acts); err == nil {
		t.Fatal("an agreed record was written")
	}
	if _, err := st.SavePart(saved.ID, cur, coach.PartReflection, map[string]coach.Answer{"reflect.talking": {Text: "Them, at last"}}, nil); err != nil {
		t.Fatalf("the reflection of an agreed record: %v", err)
	}
}
