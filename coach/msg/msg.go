// Package msg holds every word attend says that is not a prompt: one
// catalogue per language (en.json, cy.json), with plurals by the CLDR rules
// of each language (Welsh has six forms: zero, one, two, few, many, other),
// and dates in the interface language. Prompts and their domain words live
// in the prompt files beside it (coach/prompts).
package msg

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

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

// localizers say an area's messages in a language, each made on first use.
var localizers = func() map[areaLang]func() *i18n.Localizer {
	m := map[areaLang]func() *i18n.Localizer{}
	for _, area := range append([]string{""}, areas...) {
		for _, lang := range Langs {
			m[areaLang{area, lang}] = sync.OnceValue(func() *i18n.Localizer {
				b, err := loadArea(area, lang)
				if err != nil {
					panic(err) // embedded files: a build that cannot read them is broken
				}
				return i18n.NewLocalizer(b, lang)
			})
		}
	}
	return m
}()

// loadArea reads an area's English file, and its file in lang beside it.
func loadArea(area, lang string) (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, l := range Langs {
		if l != "en" && l != lang {
			continue
		}
		name := areaFile(area, l)
		if _, err := b.LoadMessageFileFS(files, name); err != nil {
			return nil, fmt.Errorf("the %s message catalogue %s is damaged: %w", l, name, err)
		}
	}
	return b, nil
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
	code := l.Code
	if code != "cy" {
		code = "en"
	}
	out, err := localizers[areaLang{areaOf(id), code}]().Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		return id // a missing message shows its id: the catalogue test catches it first
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
