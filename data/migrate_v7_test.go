package data

import (
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// A schema 6 file kept, in a session with no meeting record yet, the first
// words of the manager's private prep as the summary's preview, shown in
// history and `attend log`. The upgrade makes every summary again from its
// session, so those words are gone from every list, and the counts are the
// record's.
func TestUpgradeV6RemakesSummaries(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	only := coach.NewSession(p.ID, "en", s.now())
	only.Date = day(2026, 11, 20)
	only.SetAnswer("attend.present", coach.Answer{Text: "PRIVATE she may be thinking of leaving"})
	only.SetAnswer("reflect.talking", coach.Answer{Text: "PRIVATE I talked too much"})
	if _, err := s.SaveSession(only); err != nil {
		t.Fatal(err)
	}
	met := only
	met.ID = coach.NewID(s.now().Add(1))
	met.Date = day(2026, 11, 25)
	met.SetAnswer("agenda.said", coach.Answer{Text: "The rota is better."})
	if _, err := s.SaveSession(met); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// As schema 6 wrote them: the prep's words as the preview, and every
	// part's prompts counted.
	g, _ := coach.BuiltinGuide("en")
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		vb := newVbucket(tx.Bucket(bktIdxTime), bktIdxTime, nil, plainSums(tx))
		for _, sess := range []coach.Session{only, met} {
			old := coach.Summarise(g, p, sess)
			old.Answered, old.Total = sess.Completeness(g)
			if sess.ID == only.ID {
				old.Preview = "PRIVATE she may be thinking of leaving"
			}
			if err := vb.Put(timeKey(sess.Date, sess.ID), encodeSummaryBinary(old)); err != nil {
				return err
			}
		}
		return tx.Bucket(bktMeta).Put(metaSchema, []byte("6"))
	})

	m := openTest(t, path)
	if baks, _ := filepath.Glob(path + ".bak-v6-*"); len(baks) != 1 {
		t.Fatalf("backups: %v", baks)
	}
	sums, _, err := m.Summaries("", "", 0)
	if err != nil || len(sums) != 2 {
		t.Fatalf("Summaries: %v, %v", sums, err)
	}
	_, recordTotal := met.PartCompleteness(g, coach.PartRecord)
	for _, sum := range sums {
		switch sum.ID {
		case only.ID:
			if sum.Preview != "" || !sum.NoRecord() || sum.Words(nil) != "prep only, no record yet" {
				t.Errorf("the prep-only session after the upgrade: %+v", sum)
			}
		case met.ID:
			if sum.Preview != "The rota is better." || sum.Answered != 1 || sum.Total != recordTotal {
				t.Errorf("the recorded session after the upgrade: %+v, want 1 of %d", sum, recordTotal)
			}
		}
	}
	if err := m.Check(); err != nil {
		t.Fatalf("Check after the upgrade: %v", err)
	}
}
