package coach

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"attend/coach/msg"
)

// Every message id the package names in its code (a fault of an import,
// a record's rule, a said error, what a limit is for) is in both
// catalogues: a missing one would show its id instead of its words.
func TestCoachIDsInBothCatalogues(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string][]string{}
	for _, code := range msg.Langs {
		if have[code], err = msg.IDs(code); err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	seen := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			id, err := strconv.Unquote(lit.Value)
			if err != nil || !(strings.HasPrefix(id, "coach.import.") || strings.HasPrefix(id, "coach.valid.") || strings.HasPrefix(id, "coach.text.") || strings.HasPrefix(id, "coach.json.")) {
				return true
			}
			seen++
			for _, code := range msg.Langs {
				if _, found := slices.BinarySearch(have[code], id); !found {
					t.Errorf("%s: %s is not in the %s catalogue", fset.Position(lit.Pos()), id, code)
				}
			}
			return true
		})
	}
	if seen < 60 {
		t.Errorf("found only %d message ids in the code: is the scan looking in the right place?", seen)
	}
}

// A fault of an import says itself in Welsh: the path and what it quotes
// from the file as the file has them, the words around them Welsh; its
// English is as it was.
func TestImportErrorSaysItselfInWelsh(t *testing.T) {
	cy := msg.New("cy")
	for _, c := range []struct{ doc, english, welsh string }{
		{``, `the file is empty, so it is not an attend export`,
			`mae'r ffeil yn wag, felly dydy hi ddim yn allforyn attend`},
		{`[]`, `the file should hold a JSON object, not a list, so it is not an attend export`,
			`dylai'r ffeil ddal gwrthrych JSON, nid rhestr, felly dydy hi ddim yn allforyn attend`},
		{`{"format":"attend-export","version":9}`, `version: 9 is not an export version this attend reads (1 to 2): update attend`,
			`version: dydy 9 ddim yn fersiwn allforyn mae'r attend hwn yn ei ddarllen (1 i 2): diweddarwch attend`},
		{`{"format":"notes"}`, `format: "notes" is not an attend export (want "attend-export")`,
			`format: dydy "notes" ddim yn allforyn attend (dylai fod yn "attend-export")`},
		{`{"format":"attend-export","version":2,"people":[{"id":"01JPSDP830FW53PT4CQT7NJSJ9","name":"A\u001bB","created":"2025-03-20T09:21:00Z"}]}`,
			`people[0].name: holds an escape character (U+001B) at character 2, which attend does not keep in text (only printable characters, tabs and new lines)`,
			`people[0].name: mae'n dal nod dianc (U+001B) yn nod 2, a dydy attend ddim yn cadw hynny mewn testun (dim ond nodau y gellir eu hargraffu, tabiau a llinellau newydd)`},
		{`{"format": x}`, `format: is not valid JSON, so the file is not an attend export (invalid character 'x' looking for beginning of value)`,
			`format: dydy hwn ddim yn JSON dilys, felly dydy'r ffeil ddim yn allforyn attend (nod annisgwyl 'x' lle dylai gwerth ddechrau)`},
		{`{"format" "attend-export"}`, `format: is not valid JSON, so the file is not an attend export (invalid character '"' after object key)`,
			`format: dydy hwn ddim yn JSON dilys, felly dydy'r ffeil ddim yn allforyn attend (nod annisgwyl '"' ar ôl enw maes (roedd angen ':'))`},
		{`{"format":"attend-export","version":2,"people":[{"id":"01JPSDP830FW53PT4CQT7NJSJ9","name":tru}]}`,
			`people[0]: is not valid JSON, so the file is not an attend export (invalid character '}' in literal true (expecting 'e'))`,
			`people[0]: dydy hwn ddim yn JSON dilys, felly dydy'r ffeil ddim yn allforyn attend (nod annisgwyl '}' yn true (roedd angen 'e'))`},
		{`{"format":"attend-export","version":2,"people":[{"id":"01JPSDP830FW53PT4CQT7NJSJ9" "name":"A"}]}`,
			`people[0]: is not valid JSON, so the file is not an attend export (invalid character '"' after object key:value pair)`,
			`people[0]: dydy hwn ddim yn JSON dilys, felly dydy'r ffeil ddim yn allforyn attend (nod annisgwyl '"' ar ôl maes a'i werth (roedd angen ',' neu '}'))`},
		{`{"format":"attend-export","version":2,"people":[{"id":"01JPSDP830FW53PT4CQT7NJSJ9","sessions":1.}]}`,
			`people[0]: is not valid JSON, so the file is not an attend export (invalid character '}' after decimal point in numeric literal)`,
			`people[0]: dydy hwn ddim yn JSON dilys, felly dydy'r ffeil ddim yn allforyn attend (nod annisgwyl '}' ar ôl y pwynt degol mewn rhif)`},
	} {
		_, err := ParseImportReader(strings.NewReader(c.doc))
		if err == nil {
			t.Errorf("%s: no fault", c.doc)
			continue
		}
		if err.Error() != c.english {
			t.Errorf("%s: English is\n%s\nwant\n%s", c.doc, err, c.english)
		}
		if got := ErrorText(cy, err); got != c.welsh {
			t.Errorf("%s: Welsh is\n%s\nwant\n%s", c.doc, got, c.welsh)
		}
	}
}

// A record's rule broken says itself in Welsh too, the date inside it
// included.
func TestValidateSaysItselfInWelsh(t *testing.T) {
	s := Session{ID: "01JPSDP830FW53PT4CQT7NJSJ9", PersonID: "01JPSDP830FW53PT4CQT7NJSJ9", Date: Date{Year: 2026, Month: 2, Day: 30}}
	err := s.Validate()
	if want := "session 01JPSDP830FW53PT4CQT7NJSJ9: date: 2026-02-30 is not a calendar date"; err == nil || err.Error() != want {
		t.Fatalf("English is %v, want %s", err, want)
	}
	if got, want := ErrorText(msg.New("cy"), err), "sesiwn 01JPSDP830FW53PT4CQT7NJSJ9: dyddiad: dydy 2026-02-30 ddim yn ddyddiad go iawn yn y calendr"; got != want {
		t.Errorf("Welsh is %s, want %s", got, want)
	}
	s.Date = Date{Year: 2026, Month: 2, Day: 3}
	s.Actions = []Action{{Text: "x", Owner: "x", Status: ActionOpen}}
	err = s.Validate()
	if want := `session 01JPSDP830FW53PT4CQT7NJSJ9: actions[0].owner is "x", want me, them or other`; err == nil || err.Error() != want {
		t.Fatalf("English is %v, want %s", err, want)
	}
	if got, want := ErrorText(msg.New("cy"), err), `sesiwn 01JPSDP830FW53PT4CQT7NJSJ9: mae actions[0].owner yn "x", a dylai fod yn "me", "them" neu "other"`; got != want {
		t.Errorf("Welsh is %s, want %s", got, want)
	}
}

// What the splitters and encoding/json say of bad JSON is said in the
// language too: the kind of fault, with the character at fault if they
// name one; a sentence attend does not know, only that the JSON is not
// valid.
func TestJSONWhyInWelsh(t *testing.T) {
	cy := msg.New("cy")
	var v any
	badChar := json.Unmarshal([]byte(`{"a" 1}`), &v)
	cut := json.Unmarshal([]byte(`{"a"`), &v)
	for _, c := range []struct {
		err   error
		welsh string
	}{
		{badChar, "nod annisgwyl '1' ar ôl enw maes (roedd angen ':')"},
		{cut, "mae'r JSON yn dod i ben yn rhy gynnar"},
		{&jsonSyntaxError{msg: "something new"}, "JSON annilys"},
		{errNotJSON, "JSON annilys"},
	} {
		why := jsonWhy(c.err)
		if why.Error() != c.err.Error() {
			t.Errorf("English: %q, want %q", why, c.err)
		}
		if got := ErrorText(cy, why); got != c.welsh {
			t.Errorf("%v: Welsh is %q, want %q", c.err, got, c.welsh)
		}
	}
}
