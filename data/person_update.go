package data

import (
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// maxCadence bounds a cadence: the interval is a count of weeks or months
// of at most three digits, as coach.ParseCadence reads it.
const maxCadence = 999

// UpdatePerson changes a person in one transaction: edit gets a copy of the
// person as stored and changes what it will (name, cadence, demo); an error
// from edit is returned as it is and nothing is written. The name is
// cleaned (coach.CleanName) and must not be another person's
// (coach.SameName), both ErrInvalid. What the store works out itself (id,
// created, session count, last and next session) is kept as stored, and
// the name on the person's session summaries follows the new one.
// ErrNotFound if there is no such person.
func (s *Store) UpdatePerson(id string, edit func(*coach.Person) error) (coach.Person, error) {
	const what = "store.what.person"
	var out coach.Person
	err := s.update(func(_ *bbolt.Tx, b txBuckets) error {
		cur, err := s.getPerson(b, id)
		if err != nil {
			return err
		}
		p := cur
		if err := edit(&p); err != nil {
			return err
		}
		p.ID, p.Created, p.Sessions, p.LastSession, p.NextSession = cur.ID, cur.Created, cur.Sessions, cur.LastSession, cur.NextSession
		if p.Name, err = cleanName(p.Name); err != nil {
			return errInvalid(err, what)
		}
		if err := checkCadence(p.Cadence); err != nil {
			return errInvalid(err, what)
		}
		if p.Cadence == coach.DefaultCadence {
			p.Cadence = coach.Cadence{} // stored as a person who never chose one
		}
		if p.Name != cur.Name {
			others, err := s.allPeople(b)
			if err != nil {
				return err
			}
			for _, o := range others {
				if o.ID != p.ID && coach.SameName(o.Name, p.Name) {
					return errInvalid(said("store.cause.calledAlready", "Name", fmt.Sprintf("%q", o.Name)), what)
				}
			}
			if err := s.renameSummariesTx(b, p); err != nil {
				return err
			}
		}
		if err := putPerson(b, p); err != nil {
			return err
		}
		out = p
		return nil
	})
	if err != nil {
		return coach.Person{}, err
	}
	return out, nil
}

// renameSummariesTx puts a person's new name on their session summaries.
// Lists take the name from the person at read time anyway; this keeps the
// copy in each summary (and so the file) from holding the old name.
func (s *Store) renameSummariesTx(b txBuckets, p coach.Person) error {
	prefix := []byte(p.ID)
	var keys [][]byte
	c := b.idxPerson.Cursor()
	for k, _ := c.Seek(prefix); k != nil && len(k) == idLen+timeKeyLen && string(k[:idLen]) == p.ID; k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k[idLen:]...))
	}
	for _, tk := range keys {
		raw, err := b.idxTime.Get(tk)
		if err != nil || raw == nil {
			continue // Check reports a missing or damaged summary
		}
		sum, err := decodeSummary(raw)
		if err != nil {
			continue
		}
		sum.PersonName = p.Name
		enc, err := encodeSummary(sum)
		if err != nil {
			return err
		}
		if err := b.idxTime.Put(tk, enc); err != nil {
			return err
		}
	}
	return nil
}

// EnsurePeople is EnsurePerson for many people in one transaction, for
// demo data and bulk imports: each is found by name (coach.SameName), or
// added with the id (if it is a valid one not yet taken), created time,
// cadence and demo mark it carries (a new id and now if not). created says
// which were added. Sessions, last and next session are the store's to work
// out, whatever the people carry. A bad name or cadence is ErrInvalid, and
// nothing is written.
func (s *Store) EnsurePeople(people []coach.Person) ([]coach.Person, []bool, error) {
	const what = "store.what.people"
	if len(people) > MaxBatch {
		return nil, nil, errInvalid(fmt.Errorf("%d people in one batch, more than %d", len(people), MaxBatch), what)
	}
	clean := make([]coach.Person, len(people))
	for i, p := range people {
		name, err := cleanName(p.Name)
		if err != nil {
			return nil, nil, errInvalid(fmt.Errorf("people[%d]: %w", i, err), what)
		}
		if err := checkCadence(p.Cadence); err != nil {
			return nil, nil, errInvalid(fmt.Errorf("people[%d]: %w", i, err), what)
		}
		if p.Cadence == coach.DefaultCadence {
			p.Cadence = coach.Cadence{}
		}
		clean[i] = coach.Person{ID: p.ID, Name: name, Created: p.Created, Cadence: p.Cadence, Demo: p.Demo}
	}
	out := make([]coach.Person, len(people))
	created := make([]bool, len(people))
	err := s.update(func(_ *bbolt.Tx, b txBuckets) error {
		existing, err := s.allPeople(b)
		if err != nil {
			return err
		}
		// allPeople sorts: the same match every time if two names fold alike
		byName := make(map[string]coach.Person, len(existing)+len(people))
		for _, p := range existing {
			if _, dup := byName[coach.Fold(p.Name)]; !dup {
				byName[coach.Fold(p.Name)] = p
			}
		}
		for i, p := range clean {
			key := coach.Fold(p.Name)
			if found, ok := byName[key]; ok {
				out[i], created[i] = found, false
				continue
			}
			now := s.now()
			if p.Created.IsZero() {
				p.Created = now
			}
			if !coach.ValidID(p.ID) || b.people.Has([]byte(p.ID)) {
				p.ID = coach.NewID(p.Created)
			}
			if err := putPerson(b, p); err != nil {
				return err
			}
			byName[key] = p
			out[i], created[i] = p, true
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return out, created, nil
}

// checkCadence refuses a cadence attend cannot state.
func checkCadence(c coach.Cadence) error {
	switch {
	case c.Weeks < 0 || c.Months < 0 || c.Weeks > maxCadence || c.Months > maxCadence:
		return fmt.Errorf("the cadence %d weeks, %d months is out of range", c.Weeks, c.Months)
	case c.Weeks > 0 && c.Months > 0:
		return errors.New("a cadence is a number of weeks or of months, not both")
	}
	return nil
}
