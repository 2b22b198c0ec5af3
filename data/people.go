package data

import (
	"fmt"
	"sort"

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
	sortPeople(out)
	return out, nil
}

func sortPeople(ps []coach.Person) {
	keys := make(map[string]string, len(ps))
	for _, p := range ps {
		keys[p.ID] = coach.Fold(p.Name)
	}
	sort.SliceStable(ps, func(i, j int) bool {
		ki, kj := keys[ps[i].ID], keys[ps[j].ID]
		if ki != kj {
			return ki < kj
		}
		return ps[i].ID < ps[j].ID
	})
}

func (s *Store) allPeople(b txBuckets) ([]coach.Person, error) {
	var out []coach.Person
	err := b.people.ForEach(func(k, v []byte, err error) error {
		if err != nil {
			return s.recordErr("person", k, err)
		}
		p, err := decodePerson(v)
		if err != nil {
			return s.recordErr("person", k, err)
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// recordErr explains a record that cannot be decoded.
func (s *Store) recordErr(kind string, key []byte, err error) error {
	if ve, ok := err.(*VersionError); ok {
		return newErr(ErrNewerSchema, s.path, ve, "in %s, %s", s.path, ve.Error())
	}
	return errCorrupt(s.path, err, fmt.Sprintf("%s %s cannot be read: %v", kind, key, err))
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
	people, err := s.allPeople(b)
	if err != nil {
		return coach.Person{}, false, err
	}
	sortPeople(people) // the same answer every time if two names fold alike
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
