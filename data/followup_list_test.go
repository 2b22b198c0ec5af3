package data

import (
	"fmt"
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// TestOpenActionListIsOpenActions: attend actions' list holds the actions
// OpenActions gives, in its order, with the same id, person, text, owner,
// status and due date, and says one is overdue when OpenActions' ref
// does; for everyone and for each person, in a plain and an encrypted file.
func TestOpenActionListIsOpenActions(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			path := testPath(t)
			s := openEmptyStore(t, path, encrypted)
			people, err := buildDemo(s, 600)
			if err != nil {
				t.Fatal(err)
			}
			// Ties the demo may not make: one day, one session day, ids
			// in an order other than the index's; and no date at all.
			tie := prep(s, people[1], day(2026, 3, 2), "ties")
			tie.Actions = []coach.Action{
				{ID: "01KZZZZZZZZZZZZZZZZZZZZZZZ", Text: "Second by id", Owner: coach.OwnerThem, Due: day(2026, 3, 9)},
				{ID: "01KAAAAAAAAAAAAAAAAAAAAAAA", Text: "First by id", Owner: coach.OwnerMe, Due: day(2026, 3, 9)},
				{Text: "Undated,  with\ttwo spaces", Owner: coach.OwnerOther},
			}
			if _, err := s.SaveSession(tie); err != nil {
				t.Fatal(err)
			}
			// An action filed before statuses were written (status "")
			// is open but never overdue.
			if !encrypted {
				raw, err := encodeOpen(day(2025, 1, 6), coach.Action{ID: "01JAAAAAAAAAAAAAAAAAAAAAAA", Text: "Old", Owner: coach.OwnerMe, Due: day(2025, 2, 1)})
				if err != nil {
					t.Fatal(err)
				}
				db, err := bbolt.Open(path, 0o600, nil)
				if err != nil {
					t.Fatal(err)
				}
				err = db.Update(func(tx *bbolt.Tx) error {
					return newVbucket(tx.Bucket(bktIdxOpen), bktIdxOpen, nil, true).Put(openKey(people[2].ID, "01JAAAAAAAAAAAAAAAAAAAAAAB", "01JAAAAAAAAAAAAAAAAAAAAAAA"), raw)
				})
				db.Close()
				if err != nil {
					t.Fatal(err)
				}
			}
			today := day(2026, 11, 26)
			for _, pid := range []string{"", people[0].ID, people[1].ID, people[2].ID, "01ZZZZZZZZZZZZZZZZZZZZZZZZ"} {
				refs, err := s.OpenActions(pid)
				if err != nil {
					t.Fatal(err)
				}
				list, err := s.OpenActionList(pid)
				if err != nil {
					t.Fatal(err)
				}
				if len(list) != len(refs) {
					t.Fatalf("person %q: %d listed, %d open", pid, len(list), len(refs))
				}
				overdue := 0
				for i, r := range refs {
					got := list[i]
					want := ListedAction{ID: r.Action.ID, PersonName: r.PersonName, Text: r.Action.Text,
						Owner: r.Action.Owner, Status: r.Action.Status, Due: r.Action.Due}
					if got != want {
						t.Fatalf("person %q, at %d: listed %+v, OpenActions %+v", pid, i, got, want)
					}
					if got.Overdue(today) != r.Overdue(today) {
						t.Fatalf("person %q, at %d: overdue %v, OpenActions' %v", pid, i, got.Overdue(today), r.Overdue(today))
					}
					if r.Overdue(today) {
						overdue++
					}
				}
				if pid == "" && (len(refs) < 20 || overdue == 0 || overdue == len(refs)) {
					t.Fatalf("the fixture proves little: %d open actions, %d overdue", len(refs), overdue)
				}
			}
		})
	}
}
