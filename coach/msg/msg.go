// Package msg holds every word attend says that is not a prompt: one
// catalogue per language (en.json, cy.json), with plurals by the CLDR rules
// of each language (Welsh has six forms: zero, one, two, few, many, other),
// and dates in the interface language. Prompts and their domain words live
// in the prompt files beside it (coach/prompts).
package msg

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Each language has a file for the screens (en.json, cy.json) and may have
// more for other areas, named AREA.LANG.json (cli.cy.json): all of a
// language's files make one catalogue.
//
//go:embed *.json
var files embed.FS

// fileNames are the catalogue files of a language.
func fileNames(lang string) []string {
	entries, _ := files.ReadDir(".")
	var out []string
	for _, e := range entries {
		if n := e.Name(); n == lang+".json" || strings.HasSuffix(n, "."+lang+".json") {
			out = append(out, n)
		}
	}
	return out
}

// Langs are the languages attend speaks, English first.
var Langs = []string{"en", "cy"}

// A message's area is the start of its id: "cli.help." ids are in
// cli.help.LANG.json, "cli." ids in cli.LANG.json, and so on; the
// screens' (every other id) in LANG.json. An area's file is read the first
// time something of it is said in its language, not at start: reading
// every catalogue was most of the start-up of a command that says nothing
// (attend log, piped) or little (attend actions), and Welsh is read only
// when spoken. A Welsh area has its English beneath it, for a message not
// yet translated. TestEveryMessageIsInItsArea keeps ids and files in step.
var areas = []string{"access", "cli.help", "cli", "coach", "store"} // one that starts another first

// areaOf is the area of a message id ("" for the screens').
func areaOf(id string) string {
	for _, a := range areas {
		if len(id) > len(a) && id[len(a)] == '.' && strings.HasPrefix(id, a) {
			return a
		}
	}
	return ""
}

// areaFile is the name of an area's file in a language.
func areaFile(area, lang string) string {
	if area == "" {
		return lang + ".json"
	}
	return area + "." + lang + ".json"
}

type areaLang struct{ area, lang string }

// catalogues are each area's file in each language, indexed on first use:
// each message's JSON as written, read into a message when it is first
// said. Parsing a whole file into go-i18n's messages cost about 0.9 ms an
// area, most of a short command's own work (attend show says a dozen
// things); indexing one is a single pass over its bytes.
var catalogues = func() map[areaLang]func() map[string][]byte {
	m := map[areaLang]func() map[string][]byte{}
	for _, area := range append([]string{""}, areas...) {
		for _, lang := range Langs {
			m[areaLang{area, lang}] = sync.OnceValue(func() map[string][]byte {
				raw, err := files.ReadFile(areaFile(area, lang))
				if err == nil {
					var idx map[string][]byte
					if idx, err = indexCatalogue(raw); err == nil {
						return idx
					}
				}
				panic(fmt.Errorf("the %s message catalogue %s is damaged: %w", lang, areaFile(area, lang), err)) // embedded: a build that cannot read them is broken
			})
		}
	}
	return m
}()

// said holds the messages that have something to fill in or a count, in
// one go-i18n bundle for the process (its CLDR plural rules, for every
// language it knows, are made once, not once an area), each message added
// the first time it is said. mu guards the bundle, which does not expect
// messages added while others are said.
var said struct {
	once  sync.Once
	mu    sync.RWMutex
	b     *i18n.Bundle
	loc   map[string]*i18n.Localizer
	added map[string]bool // lang + " " + id
}

// localizer is the bundle's localizer for a language, with message id in
// it (and its English).
func localizer(id, lang string) (*i18n.Localizer, error) {
	said.once.Do(func() {
		said.b = i18n.NewBundle(language.English)
		said.loc = map[string]*i18n.Localizer{}
		for _, l := range Langs {
			said.loc[l] = i18n.NewLocalizer(said.b, l)
		}
		said.added = map[string]bool{}
	})
	said.mu.RLock()
	done := said.added[lang+" "+id]
	said.mu.RUnlock()
	if done {
		return said.loc[lang], nil
	}
	said.mu.Lock()
	defer said.mu.Unlock()
	for _, l := range []string{"en", lang} {
		if said.added[l+" "+id] {
			continue
		}
		if v, ok := raw(id, l); ok {
			m, err := message(id, v)
			if err != nil {
				return nil, err
			}
			if err := said.b.AddMessages(language.Make(l), m); err != nil {
				return nil, err
			}
		}
		said.added[l+" "+id] = true
	}
	return said.loc[lang], nil
}

// raw is message id's JSON in a language, and whether it is there.
func raw(id, lang string) ([]byte, bool) {
	v, ok := catalogues[areaLang{areaOf(id), lang}]()[id]
	return v, ok
}

// forms are a message with plural forms, as its catalogue writes it.
type forms struct {
	Zero  string `json:"zero"`
	One   string `json:"one"`
	Two   string `json:"two"`
	Few   string `json:"few"`
	Many  string `json:"many"`
	Other string `json:"other"`
}

// message is the go-i18n message of id's JSON.
func message(id string, v []byte) (*i18n.Message, error) {
	if v[0] == '"' {
		s, err := jsonString(v)
		return &i18n.Message{ID: id, Other: s}, err
	}
	var f forms
	if err := json.Unmarshal(v, &f); err != nil {
		return nil, err
	}
	return &i18n.Message{ID: id, Zero: f.Zero, One: f.One, Two: f.Two, Few: f.Few, Many: f.Many, Other: f.Other}, nil
}

// jsonString is a JSON string's value; one with no escapes is its bytes.
func jsonString(v []byte) (string, error) {
	if !bytes.ContainsRune(v, '\\') && utf8.Valid(v) {
		return string(v[1 : len(v)-1]), nil
	}
	var s string
	err := json.Unmarshal(v, &s)
	return s, err
}

// Lang says things in one language.
type Lang struct {
	Code string
	// plain keeps each message asked for with nothing to fill in: the same
	// every time, and asked for over and over (a Markdown export asks
	// several a session). Safe for concurrent use.
	plain *sync.Map
}

// New is the catalogue for a language code ("en", "cy"); any other code
// is English. Nothing is read until something is said.
func New(code string) *Lang {
	if code != "cy" {
		code = "en"
	}
	return &Lang{Code: code, plain: new(sync.Map)}
}

// T is the message id, filled in from key and value pairs: T("saved", "Name",
// "Siân", "Count", 3). A "Count" chooses the plural form.
func (l *Lang) T(id string, kv ...any) string {
	if len(kv) == 0 && l.plain != nil {
		if s, ok := l.plain.Load(id); ok {
			return s.(string)
		}
		s := l.t(id)
		l.plain.Store(id, s)
		return s
	}
	return l.t(id, kv...)
}

func (l *Lang) t(id string, kv ...any) string {
	code := l.Code
	if code != "cy" {
		code = "en"
	}
	v, ok := raw(id, code)
	if !ok && code != "en" {
		code = "en" // not yet translated: its English
		v, ok = raw(id, code)
	}
	if !ok {
		return id // a missing message shows its id: the catalogue test catches it first
	}
	if len(kv) == 0 && v[0] == '"' && !bytes.Contains(v, []byte("{{")) {
		if s, err := jsonString(v); err == nil {
			return s // nothing to fill in: the message as written, as go-i18n gives it
		}
	}
	data := map[string]any{}
	var count any
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		data[k] = kv[i+1]
		if k == "Count" {
			count = kv[i+1]
		}
	}
	if n, ok := count.(int); ok && (n >= 1000 || n <= -1000) {
		data["Count"] = Thousands(n) // 2,000 people; the form is chosen by the number
	}
	if s, ok := quickSay(code, id, v, count, data); ok {
		return s
	}
	loc, err := localizer(id, code)
	if err != nil {
		return id
	}
	said.mu.RLock()
	out, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	said.mu.RUnlock()
	if err != nil {
		return id
	}
	return out
}

// Thousands writes n with commas between thousands, as English and Welsh
// both write numbers: 10,000.
func Thousands(n int) string {
	if n < 0 {
		return "-" + Thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

var (
	enDays   = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	cyDays   = []string{"Sul", "Llun", "Maw", "Mer", "Iau", "Gwe", "Sad"}
	enMonths = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	cyMonths = []string{"Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"}
)

// Date is a calendar day as people read it: "Thu 26 Nov 2026", "Iau 26 Tach 2026".
func (l *Lang) Date(t time.Time) string {
	days, months := enDays, enMonths
	if l.Code == "cy" {
		days, months = cyDays, cyMonths
	}
	return fmt.Sprintf("%s %d %s %d", days[t.Weekday()], t.Day(), months[t.Month()-1], t.Year())
}

// Short is a day without its weekday, and without its year when it is this
// year: "21 Nov", "26 Mar 2025".
func (l *Lang) Short(t time.Time, thisYear int) string {
	months := enMonths
	if l.Code == "cy" {
		months = cyMonths
	}
	if t.Year() == thisYear {
		return fmt.Sprintf("%d %s", t.Day(), months[t.Month()-1])
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// Month is a month and its year: "Nov 2026", "Tach 2026".
func (l *Lang) Month(t time.Time) string {
	months := enMonths
	if l.Code == "cy" {
		months = cyMonths
	}
	return fmt.Sprintf("%s %d", months[t.Month()-1], t.Year())
}

// Duration is a length of time as people read it: Go's own form in
// English, as attend always wrote it ("5m0s", "237ms"), and in Welsh the
// units written out, with the noun singular after a number as Welsh has
// it ("5 munud", "1 awr 30 munud", "2.5 eiliad", "237 milieiliad").
func (l *Lang) Duration(d time.Duration) string {
	if l.Code != "cy" {
		return d.String()
	}
	if d < 0 {
		return "-" + l.Duration(-d)
	}
	num := func(v time.Duration, unit time.Duration) string {
		return strconv.FormatFloat(float64(v)/float64(unit), 'f', -1, 64)
	}
	switch {
	case d == 0:
		return "0 eiliad"
	case d < time.Microsecond:
		return num(d, time.Nanosecond) + " nanoeiliad"
	case d < time.Millisecond:
		return num(d, time.Microsecond) + " microeiliad"
	case d < time.Second:
		return num(d, time.Millisecond) + " milieiliad"
	}
	var parts []string
	if h := d / time.Hour; h > 0 {
		parts = append(parts, strconv.FormatInt(int64(h), 10)+" awr")
	}
	if m := d % time.Hour / time.Minute; m > 0 {
		parts = append(parts, strconv.FormatInt(int64(m), 10)+" munud")
	}
	if sec := d % time.Minute; sec > 0 {
		parts = append(parts, num(sec, time.Second)+" eiliad")
	}
	return strings.Join(parts, " ")
}

// Detect chooses the language: the flag, then ATTEND_LANG, then a Welsh
// locale in LANG or LC_ALL (cy_GB.UTF-8); English otherwise.
func Detect(flag, attendLang, lcAll, lang string) string {
	for _, v := range []string{flag, attendLang} {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "" {
			return v
		}
	}
	for _, v := range []string{lcAll, lang} {
		if strings.HasPrefix(strings.ToLower(v), "cy") {
			return "cy"
		}
	}
	return "en"
}

// IDs are the message ids of a language's catalogue, sorted: the catalogue
// test checks both languages hold the same.
func IDs(code string) ([]string, error) {
	m, err := messages(code)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	sort.Strings(out)
	return out, nil
}

// messages are a language's messages from all its files, as written.
func messages(code string) (map[string]json.RawMessage, error) {
	all := map[string]json.RawMessage{}
	for _, name := range fileNames(code) {
		raw, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for id, v := range m {
			if _, dup := all[id]; dup {
				return nil, fmt.Errorf("%s: %q is in another %s file too", name, id, code)
			}
			all[id] = v
		}
	}
	return all, nil
}
