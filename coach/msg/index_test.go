package msg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"testing"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// oldSay is how T said a message before the catalogue was indexed: a
// go-i18n bundle of the whole area, its English and its language, parsed
// by go-i18n itself.
func oldSay(t *testing.T, lang, id string, kv ...any) string {
	t.Helper()
	key := areaLang{areaOf(id), lang}
	b := oldBundles[key]
	if b == nil {
		b = i18n.NewBundle(language.English)
		b.RegisterUnmarshalFunc("json", json.Unmarshal)
		for _, l := range Langs {
			if l != "en" && l != lang {
				continue
			}
			if _, err := b.LoadMessageFileFS(files, areaFile(key.area, l)); err != nil {
				t.Fatal(err)
			}
		}
		oldBundles[key] = b
	}
	data := map[string]any{}
	var count any
	for i := 0; i+1 < len(kv); i += 2 {
		k := kv[i].(string)
		data[k] = kv[i+1]
		if k == "Count" {
			count = kv[i+1]
		}
	}
	if n, ok := count.(int); ok && (n >= 1000 || n <= -1000) {
		data["Count"] = Thousands(n)
	}
	out, err := i18n.NewLocalizer(b, lang).Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		return id
	}
	return out
}

var oldBundles = map[areaLang]*i18n.Bundle{}

// Every message says the same as go-i18n's own reading of the whole file
// gave: with nothing filled in, with every blank filled in, and with each
// count whose form differs in Welsh (0, 1, 2, 3, 6, 7) or that takes
// commas (2,000).
func TestSaysAsGoI18nDid(t *testing.T) {
	blank := regexp.MustCompile(`\{\{\.(\w+)\}\}`)
	for _, lang := range Langs {
		all, err := messages(lang)
		if err != nil {
			t.Fatal(err)
		}
		ids, _ := IDs(lang)
		l := New(lang)
		for _, id := range ids {
			var kv []any
			for _, m := range blank.FindAllSubmatch(all[id], -1) {
				if name := string(m[1]); name != "Count" {
					kv = append(kv, name, "«"+name+"»")
				}
			}
			cases := [][]any{nil, kv}
			if bytes.HasPrefix(all[id], []byte("{")) {
				cases = nil
				for _, n := range []int{0, 1, 2, 3, 6, 7, 2000} {
					cases = append(cases, append(append([]any{}, kv...), "Count", n))
				}
			}
			for _, c := range cases {
				want := oldSay(t, lang, id, c...)
				if string(all[id]) == `""` {
					want = "" // go-i18n holds no empty message, and said its id
				}
				if got := l.T(id, c...); got != want {
					t.Errorf("%s %s %v: %q, go-i18n said %q", lang, id, c, got, want)
				}
			}
		}
	}
}

// The catalogue's own reading of a file agrees with encoding/json's: the
// same ids, each with the same value, or a refusal where encoding/json
// refuses or finds something that is not a message.
func FuzzIndexCatalogue(f *testing.F) {
	for _, name := range fileNames("en")[:2] {
		raw, _ := files.ReadFile(name)
		f.Add(raw)
	}
	for _, s := range []string{`{}`, ` { "a" : "b" , "c":{"one":"x","other":"y"} } `, `{"a":"b","a":"c"}`, `{"a\u0062":"x"}`, `{"a":"\u00e9\n"}`, `{"a":1}`, `{"a":{"one":{}}}`, `{"a":"b"`, "{\"a\":\"b\x01\"}", "{\"\xff\":\"x\"}", `[]`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := indexCatalogue(raw)
		var want map[string]json.RawMessage
		jerr := json.Unmarshal(raw, &want)
		if err != nil {
			return // refused: whatever encoding/json made of it, nothing is said wrong
		}
		if jerr != nil {
			t.Fatalf("indexed what encoding/json refuses (%v): %q", jerr, raw)
		}
		if len(got) != len(want) {
			t.Fatalf("%d ids, encoding/json %d: %q", len(got), len(want), raw)
		}
		for id, v := range got {
			w, ok := want[id]
			if !ok {
				t.Fatalf("id %q, which encoding/json has not: %q", id, raw)
			}
			var a, b any
			if json.Unmarshal(v, &a) != nil || json.Unmarshal(w, &b) != nil || fmt.Sprint(a) != fmt.Sprint(b) {
				t.Fatalf("%q: %s, encoding/json %s", id, v, w)
			}
			if v[0] == '"' {
				s, err := jsonString(v)
				if err != nil || s != b.(string) {
					t.Fatalf("%q: read as %q, encoding/json %q", id, s, b)
				}
			}
		}
	})
}

// Blanks filled with each kind of value attend gives, and some it does
// not: said as go-i18n says them, whichever way T takes.
func TestQuickSayAsGoI18n(t *testing.T) {
	var nilErr *fs.PathError
	values := []any{"Siân", 7, int64(-3), 90 * time.Minute, errors.New("disk full"),
		&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}, fmt.Errorf("wrapped: %w", fs.ErrNotExist),
		3.5, []string{"a"}, nil, error(nilErr), time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
	blank := regexp.MustCompile(`\{\{\.(\w+)\}\}`)
	for _, lang := range Langs {
		all, err := messages(lang)
		if err != nil {
			t.Fatal(err)
		}
		l := New(lang)
		for id, v := range all {
			names := blank.FindAllSubmatch(v, -1)
			if len(names) == 0 {
				continue
			}
			for _, val := range values {
				var kv []any
				for i, m := range names {
					if name := string(m[1]); name != "Count" && i > 0 { // the first blank left out: "<no value>"
						kv = append(kv, name, val)
					}
				}
				if v[0] == '{' {
					kv = append(kv, "Count", 2)
				}
				if got, want := l.T(id, kv...), oldSay(t, lang, id, kv...); got != want {
					t.Errorf("%s %s %v: %q, go-i18n said %q", lang, id, kv, got, want)
				}
			}
		}
	}
}

// Every catalogue file is read by the one-pass reader, not handed to
// encoding/json: a file it declines costs a short command its speed.
func TestCataloguesTakeTheQuickPath(t *testing.T) {
	entries, err := files.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		raw, _ := files.ReadFile(e.Name())
		if _, ok := quickIndex(raw); !ok {
			t.Errorf("%s is declined by the quick reader", e.Name())
		}
	}
}
