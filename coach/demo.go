package coach

import (
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Demo data: fictional people and sessions for trying attend and for
// benchmarks (`attend demo`). Everything here is made up: the names are
// drawn from lists of common Welsh and English names, the notes from
// phrases written for this file. Nothing comes from a real record.
//
// The generator is deterministic: the same DemoOptions give the same people,
// dates, texts and ratings, on any machine. Only ids differ from run to run
// (NewID draws fresh randomness), so that running it twice adds sessions
// rather than overwriting them. It never reads the clock: Today is given.
// To stay the same across processors it keeps to whole numbers and to
// floating point without fused multiply-adds (see frac): no math.Sin.

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
}

// Demo is a generated set of people; their sessions are made on demand, one
// person at a time, so that 100,000 sessions never sit in memory at once.
type Demo struct {
	opt   DemoOptions
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
	// thorough is how likely a text prompt gets an answer; wordy how likely
	// an answer runs long.
	thorough, wordy float64
	// trend is how their core needs drift: -1 down, 0 level, +1 up.
	trend   int
	ratings [4]int // autonomy, belonging, competence, workload
}

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
	r := rand.New(rand.NewPCG(opt.Seed, 0x617474656e64)) // "attend"
	d := &Demo{opt: opt}
	d.weeks = r.Uint64()

	names := demoNames(r, opt.People)
	counts := splitCount(r, opt.Sessions, opt.People)
	for i, name := range names {
		p := demoPlan{
			seed:     r.Uint64(),
			first:    strings.Fields(name)[0],
			setting:  pick(r, demoSettings),
			thorough: frac(r, 0.25, 0.95),
			wordy:    r.Float64(),
		}
		switch x := r.Float64(); {
		case x < 0.25:
			p.trend = -1
		case x < 0.4:
			p.trend = 1
		}
		for k := range p.ratings {
			p.ratings[k] = between(r, 2, 5)
		}
		cad := []Cadence{{Weeks: 6}, {Months: 2}, {Months: 3}, {Months: 3}}[r.IntN(4)]
		p.dates, p.overdue = demoDates(r, cad, counts[i], opt.Today)
		created := opt.Today.AddDays(-between(r, 1, 60))
		if len(p.dates) > 0 {
			created = p.dates[0].AddDays(-between(r, 3, 40))
		}
		at := workTime(r, created)
		p.person = Person{ID: NewID(at), Name: name, Created: at, Cadence: cad, Demo: true}
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
		p := d.plans[i]
		r := rand.New(rand.NewPCG(p.seed, uint64(i)))
		ratings := p.ratings
		for k, date := range p.dates {
			latest := k == len(p.dates)-1
			if !yield(d.session(r, &p, &ratings, date, latest)) {
				return
			}
		}
	}
}

func (d *Demo) session(r *rand.Rand, p *demoPlan, ratings *[4]int, date Date, latest bool) Session {
	created := workTime(r, date)
	saved := created.Add(time.Duration(between(r, 25, 95)) * time.Minute)
	s := Session{
		ID: NewID(created), PersonID: p.person.ID, Lang: "en", Date: date,
		Created: created, Updated: saved, Saved: saved,
	}
	w := demoWriter{r: r, first: p.first, setting: p.setting}

	// The manager's own check-in follows the year (winter is harder) and
	// the week, not the person: every session in one week tells much the
	// same story, with a little of the day's own.
	week := uint64(date.Time().Unix()/86400/7) ^ (1 << 63)
	energy := 3 + demoSeason[date.Month-1] + rand.New(rand.NewPCG(d.weeks, week)).IntN(3) - 1
	if chance(r, 0.2) {
		energy += 2*r.IntN(2) - 1
	}
	energy = clampRating(energy)
	if chance(r, 0.9) {
		s.SetAnswer(EnergyID, w.ratingAnswer(energy, demoRatingNotes[0], 0.3))
	}

	// Core needs drift: a random walk per person, leaning their way, with
	// the occasional week that moves everything at once.
	up, down := 0.2, 0.2
	switch p.trend {
	case -1:
		up, down = 0.1, 0.33
	case 1:
		up, down = 0.3, 0.12
	}
	shock := 0
	switch x := r.Float64(); {
	case x < 0.06:
		shock = -1
	case x < 0.1:
		shock = 1
	}
	for k := range ratings {
		step := shock
		switch x := r.Float64(); {
		case x < down:
			step--
		case x < down+up:
			step++
		}
		ratings[k] = clampRating(ratings[k] + step)
	}
	for k, id := range NeedIDs {
		if chance(r, 0.85) {
			a := w.ratingAnswer(ratings[k], demoRatingNotes[k+1], 0.25)
			a.Together = chance(r, 0.8) // most rated together in the meeting
			s.SetAnswer(id, a)
		}
	}
	if chance(r, 0.5) {
		s.SetAnswer(LeavingID, Answer{Rating: clampRating(energy + r.IntN(3) - 1)})
	}

	for _, pr := range demoPrompts {
		if !chance(r, p.thorough*pr.weight) {
			continue
		}
		s.SetAnswer(pr.id, Answer{Text: w.answer(pr.phrases, p.wordy)})
	}

	n := 0
	switch x := r.Float64(); {
	case x < 0.2:
	case x < 0.55:
		n = 1
	case x < 0.85:
		n = 2
	case x < 0.96:
		n = 3
	default:
		n = 4
	}
	used := map[int]bool{}
	for range n {
		j := r.IntN(len(demoActions))
		if used[j] {
			continue
		}
		used[j] = true
		a := Action{
			ID: NewID(saved), Text: w.fill(demoActions[j]), Created: saved,
			Owner: []Owner{OwnerMe, OwnerThem, OwnerThem, OwnerMe, OwnerOther}[r.IntN(5)],
		}
		if chance(r, 0.8) {
			a.Due = weekday(date.AddDays(between(r, 7, 42)))
		}
		open, done := 0.18, 0.70 // an earlier session: mostly settled
		if latest {
			open, done = 0.8, 0.15
		}
		switch x := r.Float64(); {
		case x < open:
			a.Status = ActionOpen
		case x < open+done:
			a.Status = ActionDone
			if chance(r, 0.75) {
				a.Outcome = Outcomes[min(r.IntN(6), len(Outcomes)-1)] // helped most often
			}
		default:
			a.Status = ActionDropped
			a.Reason = w.fill(pick(r, demoDropReasons))
		}
		s.Actions = append(s.Actions, a)
	}

	// The latest always has one, so that it alone says who is overdue.
	if latest || chance(r, 0.85) {
		next := p.person.Cadence.After(date).AddDays(between(r, -7, 7))
		s.SetAnswer(NextID, Answer{Date: weekday(next)})
	}
	return s
}

// demoDates lays out n session dates, oldest first: back from a latest
// session by the cadence, with a few days' give either way, the odd
// meeting missed (sickness, snow), and never at a weekend. About a third
// of people are overdue: their latest session is more than one cadence ago.
func demoDates(r *rand.Rand, c Cadence, n int, today Date) ([]Date, bool) {
	if n == 0 {
		return nil, false
	}
	span := today.DaysUntil(c.After(today))
	overdue := chance(r, 0.3)
	var back int
	if overdue {
		back = span + between(r, 14, 80)
	} else {
		back = r.IntN(span * 9 / 10)
	}
	dates := make([]Date, n)
	cur := weekdayBack(today.AddDays(-back))
	for k := n - 1; k >= 0; k-- {
		dates[k] = cur
		prev := cur
		steps := 1
		if chance(r, 0.08) {
			steps = 2
		}
		for range steps {
			if c.Weeks > 0 {
				prev = prev.AddDays(-7 * c.Weeks)
			} else {
				prev = prev.AddMonths(-c.Months)
			}
		}
		prev = weekdayBack(prev.AddDays(between(r, -10, 10)))
		if !prev.Before(cur) {
			prev = weekdayBack(cur.AddDays(-7))
		}
		cur = prev
	}
	return dates, overdue
}

// weekday moves a Saturday or Sunday on to the Monday.
func weekday(d Date) Date {
	switch d.Time().Weekday() {
	case time.Saturday:
		return d.AddDays(2)
	case time.Sunday:
		return d.AddDays(1)
	}
	return d
}

// weekdayBack moves a Saturday or Sunday back to the Friday.
func weekdayBack(d Date) Date {
	switch d.Time().Weekday() {
	case time.Saturday:
		return d.AddDays(-1)
	case time.Sunday:
		return d.AddDays(-2)
	}
	return d
}

// workTime is a time in working hours on d (UTC, to the minute).
func workTime(r *rand.Rand, d Date) time.Time {
	return d.Time().Add(time.Duration(8*60+30+r.IntN(8*60)) * time.Minute)
}

// splitCount shares n sessions between people unevenly (some have had many,
// a few are new, the odd one not met yet), in total exactly n.
func splitCount(r *rand.Rand, n, people int) []int {
	w := make([]float64, people)
	sum := 0.0
	for i := range w {
		switch x := r.Float64(); {
		case x < 0.03: // joined this week: no session yet
		case x < 0.1: // a new starter
			w[i] = 0.1
		default:
			w[i] = frac(r, 0.4, 1.6)
		}
		sum += w[i]
	}
	if sum == 0 {
		w[0], sum = 1, 1
	}
	counts := make([]int, people)
	left := n
	for i := range w {
		counts[i] = int(float64(n) * w[i] / sum)
		left -= counts[i]
	}
	for i := 0; left > 0; i = (i + 1) % people {
		if w[i] > 0 {
			counts[i]++
			left--
		}
	}
	return counts
}

// demoNames makes up n different names: first the hand-picked ones in a
// shuffled order, then pairs of first names and surnames.
func demoNames(r *rand.Rand, n int) []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string) {
		if k := Fold(name); !seen[k] {
			seen[k] = true
			out = append(out, name)
		}
	}
	for _, i := range r.Perm(len(demoFullNames)) {
		if len(out) == n {
			return out
		}
		add(demoFullNames[i])
	}
	for len(out) < n {
		add(pick(r, demoFirstNames) + " " + pick(r, demoSurnames))
	}
	return out
}

func clampRating(n int) int { return min(max(n, 1), MaxRating) }

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// frac is a number from lo up to hi. The conversion stops the compiler
// fusing the multiply and add (as it may on arm64), which would round
// differently from amd64 and break "same seed, same demo".
func frac(r *rand.Rand, lo, hi float64) float64 { return lo + float64((hi-lo)*r.Float64()) }

// demoSeason is how the manager's energy moves through the year, January
// first: winter pressures, summer light.
var demoSeason = [12]int{-1, -1, 0, 0, 1, 1, 1, 0, 0, 0, -1, -1}

// between is a whole number from lo to hi inclusive.
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// demoWriter writes notes about one person.
type demoWriter struct {
	r       *rand.Rand
	first   string
	setting string
}

// answer writes one answer: mostly a sentence or two, sometimes several,
// now and then a few paragraphs.
func (w demoWriter) answer(phrases []string, wordy float64) string {
	r := w.r
	paras := 1
	if chance(r, 0.04+float64(0.12*wordy)) {
		paras = between(r, 2, 3)
	}
	var out []string
	for range paras {
		n := 1
		switch x := r.Float64() * (0.6 + float64(0.6*wordy)); {
		case x > 0.95:
			n = between(r, 4, 6)
		case x > 0.8:
			n = 3
		case x > 0.55:
			n = 2
		}
		if paras > 1 {
			n = max(n, 2)
		}
		var sentences, used []string
		for j := range n {
			list := phrases
			if j > 0 && chance(r, 0.35) {
				list = demoGeneral
			}
			// Each phrase once, however its placeholders are filled.
			if tmpl := pick(r, list); !slices.Contains(used, tmpl) {
				used = append(used, tmpl)
				sentences = append(sentences, w.fill(tmpl))
			}
		}
		out = append(out, strings.Join(sentences, " "))
	}
	return strings.Join(out, "\n\n")
}

func (w demoWriter) ratingAnswer(rating int, notes [2][]string, p float64) Answer {
	a := Answer{Rating: rating}
	if chance(w.r, p) {
		list := notes[1]
		if rating <= 2 {
			list = notes[0]
		} else if rating == 3 && chance(w.r, 0.5) {
			list = notes[0]
		}
		a.Text = w.fill(pick(w.r, list))
	}
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
			c := pick(w.r, demoFirstNames)
			if c == w.first {
				c = pick(w.r, demoFirstNames)
			}
			b.WriteString(c)
		case "place":
			b.WriteString(pick(w.r, demoPlaces))
		case "setting":
			b.WriteString(w.setting)
		case "resident":
			b.WriteString(w.fill(pick(w.r, demoResidents)))
		case "day":
			b.WriteString(pick(w.r, []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}))
		default:
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

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

var demoSettings = []string{
	"Tŷ Gwyn", "Plas Hafan", "Bryn Awel", "Hafod Lon", "the Llanrwst round", "the Pen Llŷn round",
	"the supported living house", "the day service", "the reablement team", "Cartref y Dderwen",
	"the night team", "the Machynlleth round",
}

var demoResidents = []string{
	"Mrs P.", "Mr O.", "Mr R.", "Mrs H.", "the lady in room 6", "a gentleman new to us",
	"a young man we support", "Mrs E. on the {place} round", "Mr G.", "Mrs J.",
}

// demoRatingNotes are notes on a low and a high rating: energy (the
// manager's), then autonomy, belonging, competence, workload.
var demoRatingNotes = [5][2][]string{
	{
		{"Short night.", "Back-to-back since 7.", "Tired after covering the night shift.", "Winter pressures, and it shows.", "Two sickness calls before 8."},
		{"Good weekend in {place}.", "Inspection done, feeling lighter.", "Slept well for once.", "Walked in along the river; clear head."},
	},
	{
		{"Rota set for them with no say.", "Every swap needs my sign-off.", "Care plans handed down with no room to adapt."},
		{"Runs the round their way.", "Leading the new handover.", "Chooses their own training this year."},
	},
	{
		{"On nights and hardly sees anyone.", "Some tension with the agency staff.", "Missed the last three team meetings."},
		{"The team rallied round during the snow.", "Goes to the Welsh café group with {colleague}.", "Everyone's go-to on shift."},
	},
	{
		{"Knocked by the medication error.", "Unsure on the new care planning system.", "Worried about the diploma."},
		{"Proud of the end of life care in room 4.", "Families ask for them by name.", "Mentoring two new starters."},
	},
	{
		{"Three weekends as senior.", "Extra calls added with no travel time.", "Covering sickness all month.", "Paperwork after every call."},
		{"Rota settled.", "Back to contracted hours.", "The new starter has taken some calls."},
	},
}

type demoPrompt struct {
	id      string
	weight  float64 // how often, with a thorough manager, it gets an answer
	phrases []string
}

var demoPrompts = []demoPrompt{
	{"checkin.head", 0.8, []string{
		"The CIW inspection report is due back this week and I keep rehearsing it. I'll write the worries down and leave the list in the office.",
		"Rota for next month still has gaps on the weekend nights. Parking it for the hour; it will keep.",
		"Two sickness calls before 8am. Five minutes with a paned first so I'm not carrying that in.",
		"My own supervision got cancelled again. Noting it, not bringing it into this room.",
		"Budget meeting with the council tomorrow. Phone off, notebook closed.",
		"A bit of hiraeth after the weekend in {place}; a short walk round the block before we meet.",
		"The complaint from {resident}'s family. It is not about {first}, so it stays outside.",
	}},
	{"checkin.support", 0.5, []string{
		"{colleague} in the area team has been good; I need a proper catch-up about the agency spend.",
		"The peer support group on Thursdays keeps me going. I need to actually go this month.",
		"My manager, mostly by phone. I need an hour, not ten minutes between calls.",
		"Honestly, not many people right now. I'll take up the coaching the RI offered.",
		"{colleague}, the other deputy, diolch byth. We swap sessions when one of us is stretched.",
	}},
	{"checkin.assumptions", 0.45, []string{
		"That {first} is going to ask for fewer hours. I don't know that; let them say.",
		"I assume the medication error is still on their mind. Ask, don't presume.",
		"I think of {first} as the steady one, which probably means I check in with them least.",
		"Expecting a complaint about the rota. It might not be about the rota at all.",
		"That they're fine because they never say otherwise.",
	}},
	{"checkin.own", 0.4, []string{
		"I cancelled our last session at short notice. I'll say sorry and mean it.",
		"I was sharp with {first} on the phone during the snow. Owning that first.",
		"I promised the moving and handling refresher and didn't book it.",
		"Nothing I can think of, but I'll ask whether they see it differently.",
		"I took over the family meeting for {resident} without asking how {first} wanted to lead it.",
	}},
	{"attend.opening", 0.7, []string{
		"Ask what they want to use the time for, and wait.",
		"Start with a paned and 'how are you, really?', then let {first} lead.",
		"Open with thanks for covering the nights, then hand over the agenda.",
		"'What's been on your mind since last time?' and then quiet.",
		"Ask in Welsh first, as we usually do: 'Sut wyt ti?'",
	}},
	{"attend.fascination", 0.55, []string{
		"Energy when they talk about the people they support, against the paperwork.",
		"Whether they mention the night shifts at all. Last time they went quiet on that.",
		"Their tone when {colleague}'s name comes up.",
		"What goes unsaid about home. They mentioned looking after their mam.",
		"Tiredness. Pauses. Whether they say 'we' or 'I'.",
	}},
	{"attend.language", 0.35, []string{
		"Yes: {first} prefers Cymraeg for supervision, so we'll hold it in Welsh and I'll write up in English.",
		"Offered; {first} is learning and wants to try the first ten minutes in Welsh.",
		"Offered; {first} prefers English. Noted the active offer.",
		"Yes, and asked about Welsh for the people who are first-language speakers, like {resident}.",
		"Not yet: remember to ask this time.",
	}},
	{"agenda.said", 0.95, []string{
		"Two new residents with complex needs; rota gaps on Tuesdays.",
		"Travel time between calls on the {place} round is squeezing visits down to fifteen minutes.",
		"Paperwork after every call: the app crashes and they write everything twice.",
		"Agency staff who don't know the residents, so {first} ends up doing two jobs.",
		"A safeguarding referral that is still open and keeps them awake at night.",
		"Finding their way round the new care planning system; says it takes longer than the care.",
		"{resident}'s family ring most days and the calls can be hard.",
		"Sickness on the team means {first} has been senior on shift for three weekends running.",
	}},
	{"understand.missing", 0.45, []string{
		"I don't do nights, so I miss how long the 2am checks really take.",
		"I only see the finished care plans, not the back and forth with the pharmacy.",
		"I'd be imposing if I said the round works; I've not driven it in winter.",
		"Ask rather than suggest. My fix last time made more work.",
		"Whether the team has changed since {colleague} started.",
	}},
	{"agenda.theirs", 0.8, []string{
		"{resident}'s decline. {first} has known them six years and is grieving already.",
		"A lady on the {place} round who lives alone and cries when they leave. Went well: they got the GP out the same day.",
		"The family meeting that turned angry. Hard, but they kept calm and kept {resident} at the centre.",
		"A young man we support has been in crisis. Went well: the new plan has held for two weeks.",
		"End of life care in room 4. They were proud of it, and exhausted.",
	}},
	{"empathise.private", 0.35, []string{
		"Caring for their mam at home in {place}; the evenings are not rest.",
		"Car failed its MOT, so getting to the early calls is hard.",
		"Studying for the level 3 diploma in the evenings.",
		"Nothing they want to share, which is fine.",
		"Their youngest has started school; mornings are a scramble.",
	}},
	{"empathise.safe", 0.6, []string{
		"Say plainly that three weekends as senior is too much, and that I see it.",
		"Name the grief about {resident} and give it room.",
		"Tell them the family said they were the kindest person on shift.",
		"Acknowledge my part: the rota was late because of me.",
		"Chwarae teg: they held it together when I wasn't there.",
	}},
	{"empathise.steady", 0.4, []string{
		"It reminds me of my own first years on nights. Keep that out of their story.",
		"I feel defensive about the rota. Notice it; don't act on it.",
		"Sadness about {resident}; I knew them too.",
		"Impatience, honestly. That's mine to sort, not theirs.",
		"Nothing much today; feeling steady.",
	}},
	{"help.offer", 0.75, []string{
		"The rota software: I can get them access to make swaps directly.",
		"Mileage claims take two months to pay. I'll raise it with finance.",
		"The side door fob, still. Really need to sort it.",
		"No protected time for the diploma. Agree two hours a fortnight.",
		"Agency induction: they're doing it on shift with no time allowed.",
	}},
	{"agenda.help", 0.5, []string{
		"Ask for a second car for the {place} round in winter.",
		"Bank staff who know the residents for Tuesday lates.",
		"A quiet room for handover.",
		"Welsh lessons through the Work Welsh scheme.",
		"A moving and handling refresher on the next available date.",
	}},
	{"help.others", 0.4, []string{
		"{colleague} could buddy the new starters instead.",
		"The district nurses, for the pressure care questions.",
		"The pharmacy, about the MAR chart errors.",
		"HR, for the flexible working request.",
		"The RI, for the agency budget.",
	}},
	{"help.decide", 0.45, []string{
		"Let {first} choose which weekend to drop; they know the team best.",
		"They'll decide how to run the handover trial.",
		"Their call whether to go for the senior post; no pressure from me.",
		"Agreed they can swap calls directly with {colleague} without asking me.",
	}},
	{"team.learning", 0.5, []string{
		"Level 3 diploma: two hours' protected time a fortnight.",
		"Shadowing the palliative care nurse in {place}.",
		"The dementia care course in the spring.",
		"Work Welsh entry course, on work time.",
		"Positive behaviour support refresher.",
		"None this time; they asked for a breather.",
	}},
	{"strain.need", 0.7, []string{
		"Competence, I think: three weekends as senior and no time to do any of it well.",
		"Belonging. Since the team split across two sites they've been on their own a lot.",
		"Autonomy: they have no say over the rota at the moment.",
		"Hard to say. I'll ask them which one it feels like.",
	}},
	{"strain.pressure", 0.3, []string{
		"The CIW action plan. I'll want to hand out tasks instead of asking.",
		"If the agency question comes up I'll be tempted to just decide.",
		"Short staffing this week: notice when I start giving instructions.",
	}},
	{"team.inclusion", 0.5, []string{
		"Says the night staff feel forgotten at team meetings; they never hear the news.",
		"The new carers from overseas sit together at break; {first} has started inviting them over.",
		"Everyone included, they think, but {colleague} has gone quiet since the restructure.",
		"Bank staff aren't on the group chat, so they miss changes to care plans.",
	}},
	{"team.goals", 0.6, []string{
		"Care plans for the new residents are up to date; two reviews overdue, both booked.",
		"Falls are down on the unit since the new night checks. Proud of that.",
		"Medication audit came back clean. Goal for next time: lead a handover trial.",
		"Visits on the {place} round are running short; the quality of care is slipping and they know it.",
	}},
	{"reflect.talking", 0.5, []string{
		"They did, mostly. I caught myself twice wanting to fill the silence.",
		"Me, too much at the start. Better after the first ten minutes.",
		"About even. They led the agenda.",
	}},
	{"reflect.behaviours", 0.4, []string{
		"Attending and understanding, yes. I skipped empathising when they talked about home.",
		"Helping came too fast; I offered a fix before I understood it.",
		"All four, I think, but understanding was the hardest.",
	}},
	{"reflect.control", 0.35, []string{
		"When the rota came up I started telling them what to do.",
		"The CIW action plan: I handed out tasks rather than asking.",
		"Not today; the pressure was lower.",
	}},
	{"reflect.team", 0.35, []string{
		"Night staff feeling left out of team news.",
		"The agency induction: everyone is doing it on shift.",
		"How we share the load when sickness hits the weekend.",
	}},
}

// demoGeneral are sentences that fit after almost any answer.
var demoGeneral = []string{
	"Diolch yn fawr, {first}.",
	"Da iawn.",
	"We'll come back to this next time.",
	"They said it better than I could.",
	"Worth checking in on before the next session.",
	"On {day} this came up again at handover.",
	"I'll follow it up with {colleague}.",
	"Said with a laugh, but I think they meant it.",
	"Not the first time this has come up.",
	"Pob lwc with it.",
	"A cwtch from {resident} made their week, they said.",
	"It's been a long winter on {setting}.",
}

var demoActions = []string{
	"Book the moving and handling refresher",
	"Chase the mileage claim with finance",
	"Sort the fob for the side door",
	"Draft a new handover sheet and try it for two weeks",
	"Ask the RI about a second car for the {place} round",
	"Refer to occupational health",
	"Arrange shadowing with the district nurse",
	"Put the flexible working request in writing",
	"Share the family's card at team meeting",
	"Update {resident}'s care plan with the family's wishes",
	"Set up two hours' protected diploma time a fortnight",
	"Ring the pharmacy about the MAR chart errors",
	"Find Welsh-speaking bank staff for Tuesday lates",
	"Look up Work Welsh course dates",
	"Write to the family in {place} to say diolch",
	"Book a debrief after the funeral",
	"Review the rota so no one is senior three weekends running",
	"Check the care app works on their phone",
	"Ask {colleague} to buddy the new starter",
}

var demoDropReasons = []string{
	"No longer needed after the rota change",
	"Course cancelled by the provider",
	"Overtaken by the CIW inspection",
	"They decided not to go ahead",
	"Covered at team meeting instead",
	"{resident} moved to hospital",
	"Finance changed the process",
}
