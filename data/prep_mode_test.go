package data

import "testing"

// The choice of a full prep is remembered across opens, and Check accepts it.
func TestFullPrepIsRemembered(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	if full, err := s.FullPrep(); err != nil || full {
		t.Fatalf("a new file: full %v, %v; want the quick prep", full, err)
	}
	if err := s.SetFullPrep(true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openTest(t, path)
	if full, err := s.FullPrep(); err != nil || !full {
		t.Fatalf("after reopening: full %v, %v", full, err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	if err := s.SetFullPrep(false); err != nil {
		t.Fatal(err)
	}
	if full, _ := s.FullPrep(); full {
		t.Error("quick again")
	}
}
