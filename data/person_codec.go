package data

import (
	"encoding/binary"
	"errors"
	"fmt"

	"attend/coach"
)

// Person values are stored binary (schema 6): a listing that names people
// (`attend actions`, `log --person`, the home screen) reads everyone, and
// decoding two thousand JSON records was most of its time. The name is kept
// folded (coach.Fold) as well, first, so that finding who a typed name
// means compares stored bytes and decodes only the people it finds
// (personNameOf, Store.PeopleNamed). After personFormat:
//
//	record version (uvarint) |
//	folded name, name, id (each a uvarint length and the bytes) |
//	created (a length byte and time.MarshalBinary) |
//	cadence weeks, months (varints) | last session, next session (8 each,
//	as in keys; all zero when none) | sessions (varint) | demo (1 byte, 0 or 1)
//
// A value that starts with '{' is the JSON of schema 5 and before; both
// are read. The folded name is derived: Check verifies it, and a change to
// coach.Fold would need an upgrade that folds the names again (as the
// search index would).
const personFormat = 'p'

var errPerson = errors.New("person record is malformed")

// encodePersonBinary is a person's value. p must be a person this attend
// can read back (encodePerson checks).
func encodePersonBinary(p coach.Person) ([]byte, error) {
	created, err := p.Created.MarshalBinary()
	if err != nil {
		return nil, err
	}
	folded := coach.Fold(p.Name)
	out := make([]byte, 0, 64+len(folded)+len(p.Name)+len(p.ID))
	out = append(out, personFormat)
	out = binary.AppendUvarint(out, RecordVersion)
	for _, f := range []string{folded, p.Name, p.ID} {
		out = appendString(out, f)
	}
	out = append(out, byte(len(created)))
	out = append(out, created...)
	out = binary.AppendVarint(out, int64(p.Cadence.Weeks))
	out = binary.AppendVarint(out, int64(p.Cadence.Months))
	for _, d := range []coach.Date{p.LastSession, p.NextSession} {
		var b [dateLen]byte
		if !d.IsZero() {
			b = dateBytes(d)
		}
		out = append(out, b[:]...)
	}
	out = binary.AppendVarint(out, int64(p.Sessions))
	demo := byte(0)
	if p.Demo {
		demo = 1
	}
	return append(out, demo), nil
}

// personHead reads a binary person's version and the strings at its start:
// the folded name, the name and the id. It never panics.
func personHead(b []byte) (r *summaryReader, folded, name, id string, err error) {
	if len(b) < 1 || b[0] != personFormat {
		return nil, "", "", "", errPerson
	}
	r = &summaryReader{b: b[1:]}
	v := r.int()
	if r.err == nil {
		if err := checkVersion("person", v); err != nil {
			return nil, "", "", "", err
		}
	}
	folded, name, id = r.string(), r.string(), r.string()
	if r.err != nil {
		return nil, "", "", "", errPerson
	}
	return r, folded, name, id, nil
}

// decodePersonBinary reads a binary person and its folded name. It never
// panics, whatever the bytes.
func decodePersonBinary(b []byte) (coach.Person, string, error) {
	r, folded, name, id, err := personHead(b)
	if err != nil {
		return coach.Person{}, "", err
	}
	p := coach.Person{ID: id, Name: name}
	fail := func() (coach.Person, string, error) { return coach.Person{}, "", fmt.Errorf("%w", errPerson) }
	if len(r.b) < 1 || len(r.b) < 1+int(r.b[0]) {
		return fail()
	}
	if err := p.Created.UnmarshalBinary(r.b[1 : 1+int(r.b[0])]); err != nil {
		return fail()
	}
	if _, off := p.Created.Zone(); off == 0 {
		p.Created = p.Created.UTC() // as JSON read "Z" back
	}
	r.b = r.b[1+int(r.b[0]):]
	varint := func() int {
		if r.err != nil {
			return 0
		}
		v, n := binary.Varint(r.b)
		if n <= 0 || v > 1<<31 || v < -(1<<31) {
			r.err = errPerson
			return 0
		}
		r.b = r.b[n:]
		return int(v)
	}
	p.Cadence.Weeks, p.Cadence.Months = varint(), varint()
	if d, ok := r.date(); ok {
		p.LastSession = d
	}
	if d, ok := r.date(); ok {
		p.NextSession = d
	}
	p.Sessions = varint()
	if r.err != nil || len(r.b) != 1 || r.b[0] > 1 {
		return fail()
	}
	p.Demo = r.b[0] == 1
	return p, folded, nil
}

// personNameOf reads only the id, name and folded name of a stored person
// (binary or, from before schema 6, JSON).
func personNameOf(b []byte) (PersonName, error) {
	if len(b) > 0 && b[0] == personFormat {
		_, folded, name, id, err := personHead(b)
		return PersonName{ID: id, Name: name, Folded: folded}, err
	}
	p, err := decodePerson(b)
	return PersonName{ID: p.ID, Name: p.Name, Folded: coach.Fold(p.Name)}, err
}

// personFolded is the folded name at the start of a binary person, in
// place (nothing allocated); ok is false for any other value.
func personFolded(b []byte) (folded []byte, ok bool) {
	if len(b) < 1 || b[0] != personFormat {
		return nil, false
	}
	_, n := binary.Uvarint(b[1:]) // the record version
	if n <= 0 {
		return nil, false
	}
	b = b[1+n:]
	size, n := binary.Uvarint(b)
	if n <= 0 || size > uint64(len(b)-n) {
		return nil, false
	}
	return b[n : n+int(size)], true
}

// personNameOnly is the name of a stored person (binary or JSON), read
// from the start of the record, or "" with the error if it cannot be.
func personNameOnly(b []byte) (string, error) {
	if len(b) < 1 || b[0] != personFormat {
		p, err := decodePerson(b)
		return p.Name, err
	}
	r := &summaryReader{b: b[1:]}
	if v := r.int(); r.err == nil {
		if err := checkVersion("person", v); err != nil {
			return "", err
		}
	}
	if n := r.uvarint(); r.err == nil && n <= uint64(len(r.b)) {
		r.b = r.b[n:] // the folded name
	} else {
		return "", errPerson
	}
	name := r.string()
	if r.err != nil {
		return "", errPerson
	}
	return name, nil
}

// PersonName is a person's id and name, and the name folded (coach.Fold)
// as look-ups compare it.
type PersonName struct {
	ID, Name, Folded string
}
