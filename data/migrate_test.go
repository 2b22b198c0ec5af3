package data

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// downgradeToV1 turns a file this attend wrote into one as attend with
// schema 1 wrote it: no open-actions or search index, every record at
// version 1, summaries without ratings or agreed date. c is the file's
// sealer (nil if it is not encrypted). It must hold only what schema 1
// could (no record, agreement or addenda).
func downgradeToV1(t *testing.T, path string, c *sealer) {
	t.Helper()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		if err := stripSums(tx); err != nil {
			return err
		}
		for _, name := range append([][]byte{bktIdxOpen}, textIndexBuckets...) {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bktMeta).Put(metaSchema, []byte("1")); err != nil {
			return err
		}
		for _, name := range [][]byte{bktPeople, bktSessions, bktDrafts, bktIdxTime} {
			bk := tx.Bucket(name)
			vb := newVbucket(bk, name, c, false)
			var keys, vals [][]byte
			err := vb.ForEach(func(k, v []byte, err error) error {
				if err != nil {
					return err
				}
				v, err = legacyJSON(v)
				if err != nil {
					return err
				}
				var m map[string]any
				if err := json.Unmarshal(v, &m); err != nil {
					return err
				}
				m["v"] = 1
				delete(m, "ratings")
				delete(m, "agreed")
				out, err := json.Marshal(m)
				keys, vals = append(keys, append([]byte(nil), k...)), append(vals, out)
				return err
			})
			if err != nil {
				return err
			}
			for i := range keys {
				if err := vb.Put(keys[i], vals[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func TestMigrateFromV1(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			path := testPath(t)
			s := openEmptyStore(t, path, encrypted)
			w := welshFixture(t, s)
			people := []coach.Person{mustPerson(t, s, "Ann")}
			fill(t, s, people, 40)
			want := takeSnapshot(t, s)
			wantOpen, err := s.OpenActions("")
			if err != nil {
				t.Fatal(err)
			}
			seal := s.seal
			s.Close()
			downgradeToV1(t, path, seal)

			// A v1 summary has no ratings: the upgrade must put them in.
			rawUpdate(t, path, func(tx *bbolt.Tx) error {
				if tx.Bucket(bktIdxOpen) != nil || string(tx.Bucket(bktMeta).Get(metaSchema)) != "1" {
					t.Fatal("the downgrade did not make a v1 file")
				}
				return nil
			})

			// Read-only cannot upgrade; a normal open does, after a backup.
			if _, err := Open(path, Options{ReadOnly: true, Passphrase: testPass}); err == nil {
				t.Fatal("a read-only open of a v1 file should refuse")
			}
			start := time.Now()
			m := openPass(t, path, testPass)
			t.Logf("upgraded %d sessions in %v", len(want.sessions), time.Since(start))
			baks, _ := filepath.Glob(path + ".bak-v1-*")
			if len(baks) != 1 {
				t.Fatalf("backups: %v", baks)
			}
			if encrypted {
				assertNoPlaintext(t, baks[0], w.texts)
				assertNoPlaintext(t, path, w.texts)
			}
			if err := m.Check(); err != nil {
				t.Fatalf("Check after the upgrade: %v", err)
			}
			got := takeSnapshot(t, m)
			snapshotsEqual(t, want, got) // summaries included: ratings rebuilt
			for _, sum := range got.summaries {
				if len(sum.Ratings) == 0 {
					t.Fatalf("summary %s has no ratings after the upgrade", sum.ID)
				}
			}
			gotOpen, err := m.OpenActions("")
			if err != nil || len(gotOpen) != len(wantOpen) || len(gotOpen) == 0 {
				t.Fatalf("open actions after the upgrade: %d, want %d (%v)", len(gotOpen), len(wantOpen), err)
			}
			for i := range gotOpen {
				if gotOpen[i].Action.ID != wantOpen[i].Action.ID || gotOpen[i].PersonName != wantOpen[i].PersonName {
					t.Errorf("open action %d: %+v, want %+v", i, gotOpen[i], wantOpen[i])
				}
			}
			if hits, err := m.Search(coach.SearchQuery{Text: "breswyl SIÂN"}); err != nil || len(hits) != 2 {
				t.Errorf("search after the upgrade: %d hits, %v", len(hits), err)
			}
			// And the upgraded file works as any other.
			if _, err := m.AddAddendum(w.sessions[0].ID, "Ôl-nodyn"); err != nil {
				t.Fatal(err)
			}
			if err := m.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestMigrateSkipsDamagedSession: one unreadable session does not stop
// the upgrade of the rest; Check names it afterwards.
func TestMigrateSkipsDamagedSession(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Ann")
	saved := fill(t, s, []coach.Person{p}, 3)
	s.Close()
	downgradeToV1(t, path, nil)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(bktSessions).Put([]byte(saved[1].ID), []byte(`{"v":1,"id":`))
	})
	m := openTest(t, path)
	if refs, err := m.OpenActions(""); err != nil || len(refs) != 4 {
		t.Errorf("open actions: %d %v", len(refs), err)
	}
	if err := m.Check(); err == nil {
		t.Error("Check should report the damaged session")
	}
}

// legacyJSON is a stored value as schema 3 and before held it: JSON, not
// compressed (sessions, drafts) or binary (summaries, people).
func legacyJSON(v []byte) ([]byte, error) {
	if len(v) > 0 && v[0] == summaryFormat {
		sum, err := decodeSummaryBinary(v)
		if err != nil {
			return nil, err
		}
		return json.Marshal(summaryRecord{V: RecordVersion, Summary: sum})
	}
	if len(v) > 0 && v[0] == personFormat {
		p, _, err := decodePersonBinary(v)
		if err != nil {
			return nil, err
		}
		return json.Marshal(personRecord{V: RecordVersion, Person: p})
	}
	return unzip(v)
}
