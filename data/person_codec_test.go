package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// personFields are the fields of coach.Person the binary record holds. A
// field added to Person must be added to encodePersonBinary and
// decodePersonBinary (and RecordVersion raised), or it would be lost on
// the next save: this test fails until it is listed here.
var personFields = []string{"ID", "Name", "Created", "Cadence", "LastSession", "NextSession", "Sessions", "Demo"}

func TestPersonBinaryHoldsEveryField(t *testing.T) {
	var got []string
	for f := range reflect.TypeFor[coach.Person]().Fields() {
		got = append(got, f.Name)
	}
	if !slices.Equal(got, personFields) {
		t.Fatalf("coach.Person has fields %v; the binary person record holds %v", got, personFields)
	}
}

// TestPersonBinaryReadsAsJSONDid: a person stored binary reads back exactly
// as the same person stored as JSON (schema 5) did, times' zones included,
// and the folded name is the name folded.
func TestPersonBinaryReadsAsJSONDid(t *testing.T) {
	created := []time.Time{
		time.Date(2026, 11, 26, 9, 30, 15, 123456789, time.UTC),
		time.Date(2026, 7, 1, 9, 0, 0, 0, time.FixedZone("", 3600)),
		time.Date(2026, 1, 2, 3, 4, 5, 6, time.Local),
		time.Now(),
		{},
	}
	people := []coach.Person{{ID: coach.NewID(time.Now()), Name: "Ann"}}
	for i, c := range created {
		people = append(people, coach.Person{
			ID: coach.NewID(time.Now()), Name: []string{"Siân Ŵyn", "Ann O'Brien", "Łukasz Żółw", "ÆLFRED", "Zoë"}[i],
			Created: c, Cadence: coach.Cadence{Weeks: i, Months: 2 * i},
			LastSession: coach.Date{Year: 2026, Month: time.March, Day: i + 1},
			NextSession: coach.Date{Year: 2027, Month: time.December, Day: 31 - i},
			Sessions:    1000 * i, Demo: i%2 == 1,
		})
	}
	for _, p := range people {
		raw, err := encodePerson(p)
		if err != nil {
			t.Fatal(err)
		}
		if raw[0] != personFormat {
			t.Fatalf("%s is not stored binary: %q", p.Name, raw)
		}
		js, err := json.Marshal(personRecord{V: RecordVersion, Person: p})
		if err != nil {
			t.Fatal(err)
		}
		want, err := decodePerson(js)
		if err != nil {
			t.Fatal(err)
		}
		got, folded, err := decodePersonFolded(raw)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("binary %+v\n  JSON %+v", got, want)
		}
		if folded != coach.Fold(p.Name) {
			t.Errorf("folded %q, want %q", folded, coach.Fold(p.Name))
		}
		n, err := personNameOf(raw)
		if err != nil || n != (PersonName{ID: p.ID, Name: p.Name, Folded: folded}) {
			t.Errorf("personNameOf: %+v, %v", n, err)
		}
		// Every shorter value is refused, never misread.
		for i := range len(raw) - 1 {
			if _, _, err := decodePersonBinary(raw[:i]); err == nil {
				t.Fatalf("%s cut to %d bytes was read", p.Name, i)
			}
		}
		if _, _, err := decodePersonBinary(append(bytes.Clone(raw), 0)); err == nil {
			t.Errorf("%s with a byte more was read", p.Name)
		}
	}
	// As JSON did, a date that is not a calendar day is refused on the way in.
	if _, err := encodePerson(coach.Person{ID: coach.NewID(time.Now()), Name: "Ann", LastSession: coach.Date{Year: 2026, Month: 2, Day: 31}}); err == nil {
		t.Error("a person last met on 31 February was stored")
	}
}

// A newer record version in a binary person is refused as newer, as JSON's
// "v" is.
func TestPersonBinaryNewerVersionRefused(t *testing.T) {
	raw, err := encodePerson(coach.Person{ID: coach.NewID(time.Now()), Name: "Ann"})
	if err != nil {
		t.Fatal(err)
	}
	raw[1] = RecordVersion + 1
	var ve *VersionError
	if _, err := decodePerson(raw); !errors.As(err, &ve) {
		t.Fatalf("a newer person record: %v", err)
	}
}

func FuzzDecodePerson(f *testing.F) {
	raw, _ := encodePerson(coach.Person{ID: coach.NewID(time.Now()), Name: "Siân Ŵyn", Created: time.Now(), Sessions: 3,
		LastSession: coach.Date{Year: 2026, Month: 1, Day: 2}})
	f.Add(raw)
	f.Add([]byte(`{"v":3,"id":"x","name":"Ann"}`))
	f.Add([]byte{personFormat})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, folded, err := decodePersonFolded(b)
		if err != nil {
			return
		}
		if _, err := personNameOf(b); err != nil {
			t.Fatalf("decoded, but personNameOf refuses: %v", err)
		}
		if b[0] == personFormat {
			// What decodes, stored again (if it is storable), reads the same.
			if again, err := encodePerson(p); err == nil {
				back, backFolded, err := decodePersonFolded(again)
				if err != nil || !reflect.DeepEqual(back, p) || backFolded != coach.Fold(p.Name) {
					t.Fatalf("%q decoded to %+v (folded %q), stored again it reads %+v (%q), %v", b, p, folded, back, backFolded, err)
				}
			}
		}
	})
}

// downgradeToV5 turns a file this attend wrote into one as attend with
// schema 5 wrote it: people as JSON records. c is the file's sealer.
func downgradeToV5(t *testing.T, path string, c *sealer) {
	t.Helper()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		vb := newVbucket(tx.Bucket(bktPeople), bktPeople, c, plainSums(tx))
		var keys, vals [][]byte
		if err := vb.ForEach(func(k, v []byte, err error) error {
			if err != nil {
				return err
			}
			p, _, err := decodePersonBinary(v)
			if err != nil {
				return err
			}
			out, err := json.Marshal(personRecord{V: RecordVersion, Person: p})
			keys, vals = append(keys, bytes.Clone(k)), append(vals, out)
			return err
		}); err != nil {
			return err
		}
		for i, k := range keys {
			if err := vb.Put(k, vals[i]); err != nil {
				return err
			}
		}
		return tx.Bucket(bktMeta).Put(metaSchema, []byte("5"))
	})
}

// TestMigrateFromV5: a schema 5 file (people as JSON) is upgraded after a
// backup copy; every person is then binary, reads as before, and the file
// checks clean; an encrypted one stays sealed.
func TestMigrateFromV5(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			path := testPath(t)
			s := openEmptyStore(t, path, encrypted)
			w := welshFixture(t, s)
			fill(t, s, []coach.Person{mustPerson(t, s, "Ann"), mustPerson(t, s, "Zoë Ångström")}, 30)
			want := takeSnapshot(t, s)
			wantOpen, err := s.OpenActions("")
			if err != nil {
				t.Fatal(err)
			}
			seal := s.seal
			s.Close()
			downgradeToV5(t, path, seal)
			rawUpdate(t, path, func(tx *bbolt.Tx) error {
				vb := newVbucket(tx.Bucket(bktPeople), bktPeople, seal, plainSums(tx))
				return vb.ForEach(func(k, v []byte, err error) error {
					if err != nil || v[0] != '{' {
						t.Fatalf("the downgrade left %s as %q (%v)", k, v, err)
					}
					return nil
				})
			})

			if _, err := Open(path, Options{ReadOnly: true, Passphrase: testPass}); err == nil {
				t.Fatal("a read-only open of a schema 5 file should refuse")
			}
			m := openPass(t, path, testPass)
			defer m.Close()
			if baks, _ := filepath.Glob(path + ".bak-v5-*"); len(baks) != 1 {
				t.Fatalf("backups: %v", baks)
			}
			if encrypted {
				assertNoPlaintext(t, path, w.texts)
			}
			if err := m.Check(); err != nil {
				t.Fatalf("Check after the upgrade: %v", err)
			}
			snapshotsEqual(t, want, takeSnapshot(t, m))
			gotOpen, err := m.OpenActions("")
			if err != nil || !reflect.DeepEqual(gotOpen, wantOpen) {
				t.Fatalf("open actions after the upgrade differ (%v)", err)
			}
			if err := m.view(func(_ *bbolt.Tx, b txBuckets) error {
				if string(b.meta.Get(metaSchema)) != fmt.Sprint(SchemaVersion) {
					t.Errorf("schema %s after the upgrade", b.meta.Get(metaSchema))
				}
				return b.people.ForEach(func(k, v []byte, err error) error {
					if err != nil || v[0] != personFormat {
						t.Errorf("%s after the upgrade: %q (%v)", k, v, err)
					}
					return nil
				})
			}); err != nil {
				t.Fatal(err)
			}
			// And it works as any other file.
			if _, _, err := m.EnsurePerson("Bethan"); err != nil {
				t.Fatal(err)
			}
			if err := m.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestCheckFindsAWrongFoldedName: look-ups compare the folded name stored
// beside the name, so Check says when the two disagree.
func TestCheckFindsAWrongFoldedName(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		raw, err := encodePerson(p)
		if err != nil {
			return err
		}
		bad := bytes.Replace(raw, []byte("sian wyn"), []byte("sian wyx"), 1)
		if bytes.Equal(bad, raw) {
			t.Fatal("the folded name is not in the record")
		}
		return putRaw(tx, bktPeople, []byte(p.ID), bad)
	})
	s = openTest(t, path)
	defer s.Close()
	err := s.Check()
	if err == nil || !strings.Contains(err.Error(), "folded name") {
		t.Fatalf("Check: %v", err)
	}
}

// TestPeopleNamedIsWhatResolveNameConsiders: resolving a typed name among
// PeopleNamed's few gives what resolving it among everyone gives, for
// whole names, starts of names and of words, accents, case, and names
// that mean several people or no one; PeopleNames lists everyone in
// People's order.
func TestPeopleNamedIsWhatResolveNameConsiders(t *testing.T) {
	s := openTest(t, testPath(t))
	defer s.Close()
	names := []string{"Siân Ŵyn", "Siân Ŵyn-Ellis", "Sian Wyn", "Ann", "Anna Jones", "Joanne Ann", "Ánn", "Llŷr Ifans",
		"Gruffydd ap Llywelyn", "Zoë", "zoe", "Łukasz", "O'Brien Mary", "Mary O'Brien"}
	for _, n := range names {
		mustPerson(t, s, n)
	}
	everyone, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.PeopleNames()
	if err != nil || len(list) != len(everyone) {
		t.Fatalf("PeopleNames: %d, %v", len(list), err)
	}
	for i, p := range everyone {
		if list[i] != (PersonName{ID: p.ID, Name: p.Name, Folded: coach.Fold(p.Name)}) {
			t.Errorf("PeopleNames[%d] = %+v, People has %s", i, list[i], p.Name)
		}
	}
	typed := []string{"sian", "SIÂN ŴYN", "siân ŵyn-ellis", "wyn", "ŵyn-", "ann", "ÁNN", "anna", "jo", "jones", "o'b",
		"mary", "zoe", "zoë", "łuk", "luk", "ll", "ap", "ap llywelyn", "gruffydd ap", "nobody", "x", "  ann  ", "", "\x1b"}
	for _, q := range typed {
		want, wantFound, wantErr := coach.ResolveName(everyone, q)
		cands, err := s.PeopleNamed(q)
		if err != nil {
			t.Fatal(err)
		}
		got, found, gotErr := coach.ResolveName(cands, q)
		if got != want || found != wantFound || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%q: among PeopleNamed's %d: %s %v %v; among everyone: %s %v %v", q, len(cands), got.Name, found, gotErr, want.Name, wantFound, wantErr)
		}
	}
}
