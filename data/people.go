package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// People lists everyone, sorted by name ignoring case and accents.
func (s *Store) People() ([]coach.Person, error) {
	var out []coach.Person
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		var err error
		out, err = s.allPeople(b)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// sortPeople sorts people by their folded names (folded[i] is people[i]'s),
// then by id.
func sortPeople(people []coach.Person, folded []string) {
	order := make([]int, len(people))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		if c := strings.Compare(folded[i], folded[j]); c != 0 {
			return c
		}
		return strings.Compare(people[i].ID, people[j].ID)
	})
	sorted := make([]coach.Person, len(people))
	for i, k := range order {
		sorted[i] = people[k]
	}
	copy(people, sorted)
}

// allPeople is everyone, in People's order.
func (s *Store) allPeople(b txBuckets) ([]coach.Person, error) {
	var out []coach.Person
	var folded []string
	err := b.people.ForEach(func(k, v []byte, err error) error {
		if err != nil {
			return s.recordErr("person", k, err)
		}
		p, f, err := decodePersonFolded(v)
		if err != nil {
			return s.recordErr("person", k, err)
		}
		out = append(out, p)
		folded = append(folded, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sortPeople(out, folded)
	return out, nil
}

// PeopleNames lists everyone's id, name and folded name, in People's
// order. It reads only the start of each person's record: for a list of
// names (or a look-up by name) it is several times quicker than People.
func (s *Store) PeopleNames() ([]PersonName, error) {
	var out []PersonName
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		return b.people.ForEach(func(k, v []byte, err error) error {
			if err != nil {
				return s.recordErr("person", k, err)
			}
			n, err := personNameOf(v)
			if err != nil {
				return s.recordErr("person", k, err)
			}
			out = append(out, n)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b PersonName) int {
		if c := strings.Compare(a.Folded, b.Folded); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// PeopleNamed returns the people coach.ResolveName would consider for a
// typed name, in People's order: those whose name, or a word of it, starts
// with it, ignoring case and accents (coach.FoldedNameMatches). Only their
// records are decoded; everyone else's folded name is compared where it is
// stored. coach.ResolveName(PeopleNamed(typed), typed) is
// coach.ResolveName(People(), typed); a name coach.CleanName refuses gives
// no one.
func (s *Store) PeopleNamed(typed string) ([]coach.Person, error) {
	clean, err := coach.CleanName(typed)
	if err != nil {
		return nil, nil
	}
	q := coach.Fold(clean)
	var out []coach.Person
	var folded []string
	err = s.view(func(_ *bbolt.Tx, b txBuckets) error {
		return b.people.ForEach(func(k, v []byte, err error) error {
			if err != nil {
				return s.recordErr("person", k, err)
			}
			// Most people are not the one: their folded name is compared
			// where it lies (string(f) here is not kept, so it is not
			// copied to the heap).
			inPlace, binary := personFolded(v)
			if binary && !coach.FoldedNameMatches(string(inPlace), q) {
				return nil
			}
			p, f, err := decodePersonFolded(v)
			if err != nil {
				return s.recordErr("person", k, err)
			}
			if !binary && !coach.FoldedNameMatches(f, q) {
				return nil // a JSON record: its name is folded only now
			}
			out = append(out, p)
			folded = append(folded, f)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sortPeople(out, folded)
	return out, nil
}

// personOrID is the person a session is of, for a walk that delivers every
// session: a person record that is missing or does not read gives a Person
// holding only the id (an export must not lose the session; Check reports
// it). Only a record from a newer attend stops the walk.
func (s *Store) personOrID(b txBuckets, id string) (coach.Person, error) {
	p, err := s.getPerson(b, id)
	if errors.Is(err, ErrNewerSchema) {
		return p, err
	} else if err != nil {
		return coach.Person{ID: id}, nil
	}
	return p, nil
}

// recordErr explains a record that cannot be decoded.
func (s *Store) recordErr(kind string, key []byte, err error) error {
	if ve, ok := err.(*VersionError); ok {
		return saidErr(ErrNewerSchema, s.path, ve, "store.newer.in", "Path", s.path, "Err", ve)
	}
	return errCorrupt(s.path, err, said("store.detail.unread", "What", recordWhat(kind+" "+string(key)), "Err", causeText{err}))
}

// Person returns one person by id, or ErrNotFound.
func (s *Store) Person(id string) (coach.Person, error) {
	var p coach.Person
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		var err error
		p, err = s.getPerson(b, id)
		return err
	})
	return p, err
}

func (s *Store) getPerson(b txBuckets, id string) (coach.Person, error) {
	v, err := b.people.Get([]byte(id))
	if err != nil {
		return coach.Person{}, s.recordErr("person", []byte(id), err)
	}
	if v == nil || id == "" {
		return coach.Person{}, saidErr(ErrNotFound, s.path, nil, "store.noperson", "ID", fmt.Sprintf("%q", id))
	}
	p, err := decodePerson(v)
	if err != nil {
		return p, s.recordErr("person", []byte(id), err)
	}
	return p, nil
}

func putPerson(b txBuckets, p coach.Person) error {
	raw, err := encodePerson(p)
	if err != nil {
		return err
	}
	return b.people.Put([]byte(p.ID), raw)
}

// FindPerson looks a person up by name, ignoring case, accents and spacing
// (coach.SameName). An unusable name (empty, too long) is an ErrInvalid.
func (s *Store) FindPerson(name string) (coach.Person, bool, error) {
	clean, err := cleanName(name)
	if err != nil {
		return coach.Person{}, false, errInvalid(err, "store.what.lookup")
	}
	var p coach.Person
	var found bool
	err = s.view(func(_ *bbolt.Tx, b txBuckets) error {
		var err error
		p, found, err = s.findPerson(b, clean)
		return err
	})
	return p, found, err
}

func (s *Store) findPerson(b txBuckets, name string) (coach.Person, bool, error) {
	people, err := s.allPeople(b) // sorted: the same answer every time if two names fold alike
	if err != nil {
		return coach.Person{}, false, err
	}
	for _, p := range people {
		if coach.SameName(p.Name, name) {
			return p, true, nil
		}
	}
	return coach.Person{}, false, nil
}

// EnsurePerson finds the person with this name or adds them; created says
// which. The name is cleaned (coach.CleanName) first.
func (s *Store) EnsurePerson(name string) (coach.Person, bool, error) {
	clean, err := cleanName(name)
	if err != nil {
		return coach.Person{}, false, errInvalid(err, "store.what.add")
	}
	// Most calls find someone: a read needs no write lock.
	if p, found, err := s.FindPerson(clean); err != nil || found {
		return p, false, err
	}
	var p coach.Person
	var created bool
	err = s.update(func(_ *bbolt.Tx, b txBuckets) error {
		// Look again inside the write: another attend may have added them.
		found, ok, err := s.findPerson(b, clean)
		if err != nil {
			return err
		}
		if ok {
			p = found
			return nil
		}
		now := s.now()
		p = coach.Person{ID: coach.NewID(now), Name: clean, Created: now}
		created = true
		return putPerson(b, p)
	})
	if err != nil {
		return coach.Person{}, false, err
	}
	return p, created, nil
}
