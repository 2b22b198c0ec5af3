package coach

import (
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
)

// Demo data: fictional people and sessions for trying attend and for
// benchmarks (`attend demo`). Everything here is made up: the names are
// drawn from lists of common Welsh and English names, the notes from the
// stories in demo/LANG.json (see demo_stories.go). Nothing comes from a
// real record.
//
// Each session follows one story (rota gaps, a resident's death, new to the
// role, a complaint…) through its prep, its meeting record, its ratings, its
// actions and the reflection after, and a person's stories follow on from
// one another across their sessions.
//
// The generator is deterministic: the same DemoOptions give the same people,
// dates, texts, ratings and ids, on any machine. Ids carry a mark of the
// seed (DemoSeedMark), so that a second run with a seed already in a file is
// recognised (Made) rather than doubled. It never reads the clock: Today is
// given. To stay the same across processors it keeps to whole numbers and
// to floating point without fused multiply-adds (see frac): no math.Sin.

// MaxDemoPeople bounds how many people a demo has: enough for benchmarks
// at 100,000 sessions (50 each), and more than any one manager supervises.
const MaxDemoPeople = 2000

// MaxDemoSessions bounds a demo, so that a typo cannot fill a disk.
const MaxDemoSessions = 1_000_000

// DemoPeopleFor is the default number of people for a demo of n sessions:
// about forty sessions each (several years of history), at least five.
func DemoPeopleFor(n int) int { return min(max(5, n/40), MaxDemoPeople) }

// DemoOptions say what to generate.
type DemoOptions struct {
	Seed     uint64
	Sessions int  // in all, across everyone
	People   int  // 0 means DemoPeopleFor(Sessions)
	Today    Date // no session falls after it; the clock is never read
	// Lang is the language the notes are written in, as a session written
	// in attend in that language records it: "" is DefaultLang.
	Lang string
}

// Demo is a generated set of people; their sessions are made on demand, one
// person at a time, so that 100,000 sessions never sit in memory at once.
type Demo struct {
	opt   DemoOptions
	mark  [4]byte // the seed's mark, the first bytes of every id's randomness
	text  *demoText
	plans []demoPlan
	// weeks seeds the manager's week-by-week energy (their check-in).
	weeks uint64
}

type demoPlan struct {
	person  Person
	dates   []Date // oldest first
	overdue bool
	seed    uint64 // for this person's session contents
	first   string // the first name used in notes
	setting string
	// thorough is how likely a prompt gets an answer.
	thorough float64
}

// DemoSeedMark is the mark a seed leaves on the ids of everything its demo
// makes.
func DemoSeedMark(seed uint64) [4]byte {
	x := mix64(seed ^ 0x6174746e64646d6f) // "attnddmo"
	return [4]byte{byte(x >> 56), byte(x >> 48), byte(x >> 40), byte(x >> 32)}
}

// mix64 is SplitMix64's finaliser: a cheap, well-spread hash of x.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// id makes the demo's id for (person, session, item) at time t: a ULID
// whose time is t and whose randomness is the seed's mark and a hash of
// where it is. The same demo always makes the same ids.
func (d *Demo) id(t time.Time, person, session, item int) string {
	var u ulid.ULID
	_ = u.SetTime(ulid.Timestamp(t)) // demo times are well within range
	h := mix64(uint64(person)<<36 ^ uint64(session)<<12 ^ uint64(item) ^ d.opt.Seed<<1)
	e := [10]byte{d.mark[0], d.mark[1], d.mark[2], d.mark[3],
		byte(h >> 40), byte(h >> 32), byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h)}
	_ = u.SetEntropy(e[:])
	return u.String()
}

// Made reports whether id was made by a demo with this demo's seed (on any
// day, with any number of sessions).
func (d *Demo) Made(id string) bool {
	u, err := ulid.ParseStrict(id)
	if err != nil {
		return false
	}
	e := u.Entropy()
	return [4]byte(e[:4]) == d.mark
}

// Seed is the seed the demo was made with.
func (d *Demo) Seed() uint64 { return d.opt.Seed }

// NewDemo plans a demo: who, their cadence and the dates of their sessions.
func NewDemo(opt DemoOptions) (*Demo, error) {
	if opt.Sessions < 0 || opt.Sessions > MaxDemoSessions {
		return nil, fmt.Errorf("a demo has 0 to %d sessions, not %d", MaxDemoSessions, opt.Sessions)
	}
	if opt.People == 0 {
		opt.People = DemoPeopleFor(opt.Sessions)
	}
	if opt.People < 1 || opt.People > MaxDemoPeople {
		return nil, fmt.Errorf("a demo has 1 to %d people, not %d", MaxDemoPeople, opt.People)
	}
	if opt.Today.IsZero() || opt.Today.Check() != nil {
		return nil, errors.New("a demo needs today's date")
	}
	text, err := demoTextFor(opt.Lang)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(opt.Seed, 0x617474656e64)) // "attend"
	d := &Demo{opt: opt, mark: DemoSeedMark(opt.Seed), text: text}
	d.weeks = r.Uint64()

	names := demoNames(r, opt.People)
	counts := splitCount(r, opt.Sessions, opt.People)
	for i, name := range names {
		p := demoPlan{
			seed:     r.Uint64(),
			first:    strings.Fields(name)[0],
			setting:  pick(r, text.settings),
			thorough: frac(r, 0.45, 0.95),
		}
		cad := []Cadence{{Weeks: 6}, {Months: 2}, {Months: 3}, {Months: 3}}[r.IntN(4)]
		p.dates, p.overdue = demoDates(r, cad, counts[i], opt.Today)
		created := opt.Today.AddDays(-between(r, 1, 60))
		if len(p.dates) > 0 {
			created = p.dates[0].AddDays(-between(r, 3, 40))
		}
		at := workTime(r, created)
		p.person = Person{ID: d.id(at, i, 0, 0), Name: name, Created: at, Cadence: cad, Demo: true}
		d.plans = append(d.plans, p)
	}
	return d, nil
}

// People are the demo's people, in the order they were made up. LastSession,
// NextSession and Sessions are left for the store to fill in as sessions
// are saved.
func (d *Demo) People() []Person {
	out := make([]Person, len(d.plans))
	for i, p := range d.plans {
		out[i] = p.person
	}
	return out
}

// Count is how many sessions person i has.
func (d *Demo) Count(i int) int { return len(d.plans[i].dates) }

// Overdue reports whether person i's next session was due before Today.
func (d *Demo) Overdue(i int) bool { return d.plans[i].overdue }

// Sessions yields person i's saved sessions, oldest first. Each is complete
// (Created, Saved and Updated set, actions with statuses) and valid.
func (d *Demo) Sessions(i int) iter.Seq[Session] {
	return func(yield func(Session) bool) {
		d.generate(i, func(s Session, _ string, _ int) bool { return yield(s) })
	}
}

// demoThread is the story a person is in: which, how far through, and
// the names it uses (the same all the way through).
type demoThread struct {
	story *demoStory
	beat  int
	w     demoWriter
}

// generate makes person i's sessions, oldest first, telling fn each one's
// story and beat; it stops when fn returns false.
func (d *Demo) generate(i int, fn func(s Session, story string, beat int) bool) {
	c := d.cursor(i)
	for {
		s, story, beat, ok := c.next()
		if !ok || !fn(s, story, beat) {
			return
		}
	}
}

// demoCursor makes one person's sessions one at a time, oldest first, so
// that everyone's can be made side by side (AllSessions).
type demoCursor struct {
	d    *Demo
	i, k int // the person, and their next session
	r    *rand.Rand
	th   demoThread
	prev string // the story before this one
}

func (d *Demo) cursor(i int) *demoCursor {
	return &demoCursor{d: d, i: i, r: rand.New(rand.NewPCG(d.plans[i].seed, uint64(i)))}
}

// next makes the person's next session, with its story and beat; false
// when they have no more.
func (c *demoCursor) next() (Session, string, int, bool) {
	p := &c.d.plans[c.i]
	if c.k >= len(p.dates) {
		return Session{}, "", 0, false
	}
	r, th := c.r, &c.th
	if th.story == nil || th.beat >= len(th.story.beats) {
		*th = c.d.newThread(r, p, c.k, c.prev)
		c.prev = th.story.key
	}
	// A story can settle sooner than planned: skip a middle beat.
	if th.beat > 0 && th.beat < len(th.story.beats)-1 && chance(r, 0.2) {
		th.beat++
	}
	beat := &th.story.beats[th.beat]
	goesOn := th.beat < len(th.story.beats)-1
	s := c.d.session(r, p, c.i, c.k, p.dates[c.k], beat, goesOn, &th.w)
	story, b := th.story.key, th.beat
	th.beat++
	c.k++
	return s, story, b, true
}

// newThread starts the next story for a person: the first may be new to
// the role; after that any other story, never the same twice running.
func (d *Demo) newThread(r *rand.Rand, p *demoPlan, k int, prev string) demoThread {
	var st *demoStory
	if k == 0 && chance(r, 0.35) {
		for j := range d.text.stories {
			if d.text.stories[j].opener {
				st = &d.text.stories[j]
			}
		}
	}
	for st == nil {
		if x := &d.text.stories[r.IntN(len(d.text.stories))]; !x.opener && x.key != prev {
			st = x
		}
	}
	w := demoWriter{r: r, notes: &d.text.notes, first: p.first, setting: p.setting}
	w.colleague = pick(r, demoFirstNames)
	for w.colleague == p.first {
		w.colleague = pick(r, demoFirstNames)
	}
	w.resident = pick(r, demoResidents)
	w.place = pick(r, demoPlaces)
	w.resident = w.fill(w.resident)
	return demoThread{story: st, w: w}
}

// demoTextIDs are the text prompts a demo answers, in the guide's order.
var demoTextIDs = []string{
	"checkin.head", "checkin.support", "checkin.assumptions", "checkin.own",
	"attend.fascination", "attend.opening", "attend.language",
	"understand.curious", "understand.missing", "understand.outside",
	"empathise.safe", "empathise.steady", "empathise.private",
	"help.offer", "help.others", "help.upwards", "help.decide",
	"strain.need", "strain.pressure",
	"agenda.theirs", "agenda.said", "agenda.help",
	"team.inclusion", "team.goals", "team.learning",
	"reflect.talking", "reflect.behaviours", "reflect.control", "reflect.team",
}

// demoAlways are answered in every session whose story has words for them:
// what the meeting was about, in their words, and the manager's own first
// thought before it. So every session says what its story is.
var demoAlways = map[string]bool{"checkin.assumptions": true, "agenda.theirs": true, "agenda.said": true}

func (d *Demo) session(r *rand.Rand, p *demoPlan, i, k int, date Date, beat *demoBeat, goesOn bool, w *demoWriter) Session {
	latest := k == len(p.dates)-1
	created := workTime(r, date)
	saved := created.Add(time.Duration(between(r, 25, 95)) * time.Minute)
	s := Session{
		ID: d.id(created, i, k+1, 0), PersonID: p.person.ID, Lang: d.text.lang, Date: date,
		Created: created, Updated: saved, Saved: saved,
		// Room for about as many answers as a session has, so that the
		// maps are not grown answer by answer; left empty, they go
		// back to nil below, as SetAnswer leaves them.
		Prep: make(map[string]Answer, 20), Record: make(map[string]Answer, 12), Reflection: make(map[string]Answer, 4),
	}

	// The manager's own check-in follows the year (winter is harder) and
	// the week, not the person: every session in one week tells much the
	// same story, nudged by this one's (a death on the unit weighs).
	week := uint64(date.Time().Unix()/86400/7) ^ (1 << 63)
	energy := 3 + demoSeason[date.Month-1] + rand.New(rand.NewPCG(d.weeks, week)).IntN(3) - 1
	energy = clampRating(energy + beat.energy)
	if chance(r, 0.9) {
		s.SetAnswer(EnergyID, w.ratingAnswer(energy, "", 0, 0.25))
	}

	// Their core needs, rated together in the meeting (mostly): within
	// what the story says, with a note in the story's words now and then.
	for k, id := range NeedIDs {
		if !chance(r, 0.92) {
			continue
		}
		lo, hi := beat.ratings[k][0], beat.ratings[k][1]
		if lo == 0 {
			lo, hi = 3, 4
		}
		a := w.ratingAnswer(between(r, lo, hi), pickOr(r, beat.text[id]), k+1, 0.6)
		a.Together = chance(r, 0.85)
		s.SetAnswer(id, a)
	}

	reflect := chance(r, 0.7) // the reflection is short and optional
	for _, id := range demoTextIDs {
		if !reflect && PartOf(id) == PartReflection {
			continue
		}
		if list := beat.text[id]; len(list) > 0 {
			if demoAlways[id] || chance(r, p.thorough) {
				s.SetAnswer(id, Answer{Text: w.fill(pick(r, list))})
			}
			continue
		}
		if list := d.text.generic[id]; len(list) > 0 && chance(r, p.thorough*0.4) {
			s.SetAnswer(id, Answer{Text: w.fill(pick(r, list))})
		}
	}
	if reflect && chance(r, 0.8) {
		s.SetAnswer(LeavingID, Answer{Rating: clampRating(energy + r.IntN(3) - 1)})
	}

	// The actions: the story's first always (the next beat speaks of it),
	// the others most times.
	var next Date
	if !latest {
		next = p.dates[k+1]
	}
	for j, act := range beat.actions {
		if j > 0 && !chance(r, 0.7) {
			continue
		}
		a := Action{
			ID: d.id(saved, i, k+1, j+1), Text: w.fill(act.text), Owner: act.owner,
			Created: saved, Status: ActionOpen,
		}
		if chance(r, 0.85) {
			a.Due = weekday(date.AddDays(between(r, 14, 42)))
		}
		d.settle(r, &a, act, date, next, k, len(p.dates), j == 0 && goesOn, w)
		s.Actions = append(s.Actions, a)
	}

	// The latest always has a next date, so that it alone says who is
	// overdue.
	if latest || chance(r, 0.9) {
		nd := p.person.Cadence.After(date).AddDays(between(r, -7, 7))
		s.SetAnswer(NextID, Answer{Date: weekday(nd)})
	}

	// Most records are agreed within the week; the latest may still wait.
	if agreed := weekday(date.AddDays(between(r, 1, 6))); !d.opt.Today.Before(agreed) && (!latest || chance(r, 0.4)) {
		s.Agreed = agreed
	}
	for _, m := range []*map[string]Answer{&s.Prep, &s.Record, &s.Reflection} {
		if len(*m) == 0 {
			*m = nil
		}
	}
	return s
}

// settle says what became of an action by Today. Actions from earlier
// sessions are mostly done (and whether it helped) or dropped with a
// reason; a few from the session before last, or from some other session
// within the last year, are still open, overdue. The
// key action of a story that goes on is always done: the next session
// speaks of it. The latest session's are mostly still open.
func (d *Demo) settle(r *rand.Rand, a *Action, act demoAct, date, next Date, k, n int, key bool, w *demoWriter) {
	closeBy := d.opt.Today
	if !next.IsZero() {
		closeBy = next
	}
	closeOn := func() {
		lo := date.AddDays(2)
		if closeBy.Before(lo) {
			lo = closeBy
		}
		on := lo.AddDays(r.IntN(max(1, lo.DaysUntil(closeBy)+1)))
		a.Closed = workTime(r, weekdayBack(on))
		if a.Closed.Before(a.Created) {
			a.Closed = a.Created.Add(time.Hour)
		}
	}
	switch {
	case key && !next.IsZero():
		a.Status = ActionDone
		a.Outcome = OutcomeHelped
		if chance(r, 0.3) {
			a.Outcome = OutcomePartly
		}
		closeOn()
		return
	case next.IsZero(): // the latest session
		if !a.Due.IsZero() && !d.opt.Today.Before(a.Due) && chance(r, 0.4) {
			break // due by now, and done
		}
		return
	case k == n-2 && chance(r, 0.12), chance(r, 0.02) && date.DaysUntil(d.opt.Today) <= 365:
		return // still open, and overdue (forgotten, but not for years)
	case chance(r, 0.12):
		a.Status, a.Reason = ActionDropped, w.fill(act.drop)
		closeOn()
		return
	}
	a.Status = ActionDone
	switch x := r.Float64(); {
	case x < 0.55:
		a.Outcome = OutcomeHelped
	case x < 0.75:
		a.Outcome = OutcomePartly
	case x < 0.83:
		a.Outcome = OutcomeNotYet
	case x < 0.9:
		a.Outcome = OutcomeDidntAsk
	}
	closeOn()
}

// demoWriter fills in the names a story uses.
type demoWriter struct {
	r                                          *rand.Rand
	notes                                      *[5][2][]string
	first, setting, colleague, resident, place string
}

// ratingAnswer is a rating, with the story's note (or, with no note from
// the story, now and then one that fits the rating) with probability p.
// which is 0 for the manager's energy, 1 to 4 for the needs.
func (w demoWriter) ratingAnswer(rating int, note string, which int, p float64) Answer {
	a := Answer{Rating: rating}
	if !chance(w.r, p) {
		return a
	}
	if note == "" {
		if !chance(w.r, 0.4) {
			return a
		}
		list := w.notes[which][1]
		if rating <= 2 || (rating == 3 && which > 0) {
			list = w.notes[which][0]
		}
		note = pick(w.r, list)
	}
	a.Text = w.fill(note)
	return a
}

// fill replaces each {placeholder} in a phrase.
func (w demoWriter) fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		switch key := s[i+1 : i+j]; key {
		case "first":
			b.WriteString(w.first)
		case "colleague":
			b.WriteString(w.colleague)
		case "place":
			b.WriteString(w.place)
		case "setting":
			b.WriteString(w.setting)
		case "resident":
			b.WriteString(w.resident)
		default:
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
		// "Mr R." at the end of a sentence takes no second full stop.
		if strings.HasSuffix(b.String(), ".") && strings.HasPrefix(s, ".") {
			s = s[1:]
		}
	}
}

// demoSeason is how the manager's energy moves through the year, January
// first: winter pressures, summer light.
var demoSeason = [12]int{-1, -1, 0, 0, 1, 1, 1, 0, 0, 0, -1, -1}

// The word lists. Names are common given names and surnames in Wales, not
// anyone in particular; a few of the hand-picked full names are the ones
// attend's documentation and tests use.

var demoFullNames = []string{
	"Siân Ŵyn", "Llŷr Ifans", "Dafydd ap Gwilym", "Ffion Hughes", "Aled Evans",
	"Bethan Morgan", "Gareth Price", "Nia Roberts", "Rhys Pritchard", "Carys Llwyd",
	"Gwenllian ferch Owain", "Iolo ap Rhys", "Elin Parry", "Owain Jenkins", "Catrin Prydderch",
	"Siôn Huws", "Heledd Bowen", "Tomasz Nowak", "Priya Patel", "Grace Okafor",
}

var demoFirstNames = []string{
	"Siân", "Llŷr", "Dafydd", "Ffion", "Aled", "Bethan", "Gareth", "Nia", "Rhys", "Carys",
	"Gwenllian", "Iolo", "Elin", "Owain", "Catrin", "Heledd", "Geraint", "Mererid", "Cerys", "Dylan",
	"Eleri", "Gruffudd", "Lowri", "Rhiannon", "Tomos", "Gethin", "Mali", "Osian", "Non", "Ieuan",
	"Angharad", "Emyr", "Delyth", "Huw", "Meinir", "Sioned", "Bryn", "Siôn", "Tegwen", "Cai",
	"Nerys", "Rhodri", "Seren", "Awen", "Dewi", "Branwen", "Gwion", "Efa", "Ifan", "Dwynwen",
	"Sarah", "James", "Emma", "Michael", "Claire", "David", "Rachel", "Paul", "Joanne", "Mark",
	"Hannah", "Chris", "Laura", "Daniel", "Kelly", "Ryan", "Amy", "Lee", "Gemma", "Adam",
	"Natalie", "Jason", "Stacey", "Craig", "Lisa", "Sophie", "Tom", "Jade", "Kirsty", "Ben",
	"Leanne", "Zoe", "Aisha", "Priya", "Tomasz", "Agnieszka", "Marta", "Grace", "Joseph", "Maria",
}

var demoSurnames = []string{
	"Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths",
	"Price", "Pritchard", "Parry", "Owen", "Jenkins", "Powell", "Rees", "Lloyd", "Howells", "Bowen",
	"Vaughan", "Pugh", "Ifans", "Wyn", "Llwyd", "Prosser", "Gwynne", "Meredith", "Rowlands", "Probert",
	"Tudur", "Huws", "Bevan", "Watkins", "Mathias", "Prydderch", "Smith", "Taylor", "Brown",
	"Walker", "Clarke", "Wright", "Green", "Hall", "Turner", "Baker", "Kowalski", "Nowak", "Patel",
	"Okafor", "Santos", "Reyes", "Begum", "Ahmed",
}

var demoPlaces = []string{
	"Aberystwyth", "Caernarfon", "Llandudno", "Machynlleth", "Porthmadog", "Bangor", "Wrecsam",
	"Pwllheli", "Llanelli", "Merthyr Tudful", "Pontypridd", "Abertawe", "Dolgellau", "Y Bala",
	"Llanrwst", "Aberteifi", "Caerfyrddin", "Y Drenewydd", "Llanidloes", "Rhuthun", "Dinbych",
	"Blaenau Ffestiniog", "Ynys Môn", "Pen Llŷn", "Caerdydd", "Casnewydd",
}

// demoResidents are the people a story's staff member supports, named as
// notes name them: by initial.
var demoResidents = []string{
	"Mrs P.", "Mr O.", "Mr R.", "Mrs H.", "Mr G.", "Mrs J.", "Mrs E.", "Mr W.", "Mrs B.", "Mr T.",
}
