package main

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

// findPerson finds the one person a typed name means ("sian" finds Siân
// Ŵyn), among people already read: the whole name, or the only name that
// starts with it. An ambiguous name names the candidates, and no match
// offers the near ones; both are usage errors (exit 2). writes says
// whether the command would have changed anything, for the message.
func findPerson(l *msg.Lang, people []coach.Person, typed string, writes bool) (coach.Person, error) {
	p, found, err := coach.ResolveName(people, typed)
	switch {
	case err != nil:
		return coach.Person{}, usageError{err}
	case !found:
		return coach.Person{}, noOneCalled(l, people, typed, writes, "")
	}
	return p, nil
}

// findExactPerson is findPerson for commands that destroy (erase): only a
// whole name matches, ignoring case, accents and spacing. It never takes a
// prefix or a near spelling, and --yes cannot make it.
func findExactPerson(l *msg.Lang, people []coach.Person, typed, command string) (coach.Person, error) {
	p, found, err := coach.ExactName(people, typed)
	switch {
	case err != nil:
		return coach.Person{}, usageError{err}
	case !found:
		return coach.Person{}, noOneCalled(l, people, typed, true, command)
	}
	return p, nil
}

// noOneCalled says that no one has the typed name, offering the people it
// may have meant. exact names the command that wanted the whole name
// ("erase"), or is "".
func noOneCalled(l *msg.Lang, people []coach.Person, typed string, writes bool, exact string) error {
	clean, err := coach.CleanName(typed)
	if err != nil {
		return usageError{err}
	}
	var b strings.Builder
	if exact != "" {
		b.WriteString(l.T("cli.person.noexact", "Name", fmt.Sprintf("%q", clean), "Command", exact))
	} else {
		b.WriteString(l.T("cli.person.none", "Name", fmt.Sprintf("%q", clean)))
	}
	if writes {
		b.WriteString(l.T("cli.person.unchanged"))
	}
	if near := coach.CloseNames(people, clean); len(near) > 0 {
		b.WriteString(l.T("cli.person.meant", "Names", nameList(l, near)))
		if exact != "" {
			b.WriteString(l.T("cli.person.whole", "Command", exact, "Name", shellArg(near[0].Name)))
		}
	} else {
		b.WriteString(l.T("cli.person.see"))
	}
	return usageError{errors.New(b.String())}
}

// personNamed finds the one person a typed name means. It decodes only
// the people the name may mean (data.Store.PeopleNamed), and everyone only
// when it finds no one, to say whom the name is close to.
func personNamed(l *msg.Lang, st *data.Store, typed string, writes bool) (coach.Person, error) {
	cands, err := st.PeopleNamed(typed)
	if err != nil {
		return coach.Person{}, err
	}
	p, found, err := coach.ResolveName(cands, typed)
	switch {
	case err != nil:
		return coach.Person{}, usageError{err}
	case found:
		return p, nil
	}
	people, err := st.People()
	if err != nil {
		return coach.Person{}, err
	}
	return findPerson(l, people, typed, writes)
}

// openPerson opens the store read-only with the guide and finds the one
// person a typed name means, as the commands about one person start; the
// caller closes the store.
func (o *options) openPerson(typed string) (*data.Store, *coach.Guide, coach.Person, error) {
	st, guide, err := o.openWithGuide(true)
	if err != nil {
		return nil, nil, coach.Person{}, err
	}
	p, err := personNamed(o.words(), st, typed, false)
	if err != nil {
		st.Close()
		return nil, nil, coach.Person{}, err
	}
	return st, guide, p, nil
}

// resolvePerson turns a typed name into the full name of the person meant
// ("sian" finds "Siân Ŵyn"), or the cleaned name of someone new. A name
// that matches no one but is close to someone ("sain" for Siân Ŵyn) is
// refused, saying how to go on either way, so a typo never adds a person;
// isNew (prep --new) adds them as typed.
func resolvePerson(st *data.Store, typed string, isNew bool) (string, error) {
	return resolvePersonIn(english, st, typed, isNew)
}

// resolvePersonIn is resolvePerson, saying why it refuses in a language.
func resolvePersonIn(l *msg.Lang, st *data.Store, typed string, isNew bool) (string, error) {
	clean, err := coach.CleanName(typed)
	if err != nil {
		return "", usageError{err}
	}
	if isNew {
		return clean, nil
	}
	people, err := st.People()
	if err != nil {
		return "", err
	}
	p, found, err := coach.ResolveName(people, clean)
	switch {
	case err != nil:
		return "", usageError{err}
	case found:
		return p.Name, nil
	}
	if near := coach.CloseNames(people, clean); len(near) > 0 {
		return "", usageError{errors.New(l.T("cli.person.close", "Name", fmt.Sprintf("%q", clean), "Names", nameList(l, near),
			"First", shellArg(near[0].Name), "Typed", shellArg(clean)))}
	}
	return clean, nil
}

// shellArg is s as one argument to copy onto a command line: as it is if
// it is all letters, digits and harmless marks, else quoted.
func shellArg(s string) string {
	plain := s != ""
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && !strings.ContainsRune("-_.,@+/:", r) {
			plain = false
			break
		}
	}
	if plain && !strings.HasPrefix(s, "-") {
		return s
	}
	return shellQuote(s)
}

// shellQuote quotes a name for a command line to copy.
func shellQuote(s string) string {
	if !strings.ContainsAny(s, "\"$`\\!") {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
