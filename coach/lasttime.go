package coach

import (
	"fmt"
	"sort"
	"strings"

	"attend/coach/msg"
)

// LastTime is what to know about someone before going into a meeting with
// them, on one screen (or, from `attend brief`, one phone screen of
// Markdown): when you last met against how often you meet, what you both
// agreed and how it stands, what they said would help and whether it did,
// and their last ratings beside the ones before.
type LastTime struct {
	Person Person
	Today  Date
	// Last is the date of the last saved session (zero if you have not met);
	// DaysSince counts the days from it to Today.
	Last      Date
	DaysSince int
	SessionID string // the last session's id
	// Cadence is how often you meet; Due when the next session is due.
	Cadence Cadence
	Due     Due
	// Actions are the actions agreed last time (both sides), then any still
	// open from earlier sessions, each with its state and outcome.
	Actions []ActionRef
	// Help is what they said would help most, last time, in their words
	// (empty if it was not written); HelpFrom is the session it was said in,
	// which may be earlier than Last if the last record did not ask.
	Help     string
	HelpFrom Date
	// HelpOutcomes count the outcomes of the actions from that session
	// that are done, so "did it help?" is answered beside what would help;
	// those done without saying whether it helped count under "".
	HelpOutcomes map[Outcome]int
	// Ratings are the core needs and workload at the last session that
	// rated them, beside the session before that.
	Ratings []RatingChange
	// Corrections are the dated addenda of every session the summary draws
	// on (the last one, the one "what would help" came from, those whose
	// actions or ratings it shows), oldest first: a correction goes
	// wherever the record it corrects is shown.
	Corrections []Correction
}

// Correction is an addendum and the session whose record it corrects.
type Correction struct {
	SessionID   string
	SessionDate Date
	Addendum
}

// RatingChange is one rating at the last two sessions that gave it.
type RatingChange struct {
	ID       string
	Label    string // the prompt, such as "Belonging"
	Last     int    // 0: not rated
	LastOn   Date
	Together bool // the last rating was made together with them
	Before   int  // 0: not rated before
	BeforeOn Date
}

// Change is Last minus Before (0 when either is missing).
func (r RatingChange) Change() int {
	if r.Last == 0 || r.Before == 0 {
		return 0
	}
	return r.Last - r.Before
}

// BuildLastTime works out the Last time summary for a person from their
// saved sessions (in any order) and today's date. Only sessions held count
// (their meeting record holds something), as for the person's last and
// next session: a prep saved at 8:55 for a meeting not yet held is not
// "last time" (found in a trial: it said "Last met today" and took the
// ratings' "before" away). Drafts are ignored.
func BuildLastTime(g *Guide, p Person, sessions []Session, today Date) LastTime {
	saved := make([]Session, 0, len(sessions))
	for _, s := range sessions {
		if !s.IsDraft() && s.PersonID == p.ID && s.RecordWritten() {
			saved = append(saved, s)
		}
	}
	// Newest first: by date, then by id (ids grow with time).
	sort.SliceStable(saved, func(i, j int) bool {
		if saved[i].Date != saved[j].Date {
			return saved[j].Date.Before(saved[i].Date)
		}
		return saved[i].ID > saved[j].ID
	})
	lt := LastTime{Person: p, Today: today, Cadence: p.Cadence.Effective()}
	if len(saved) == 0 {
		lt.Due = DueFor(p, today)
		return lt
	}
	last := saved[0]
	lt.Last, lt.SessionID = last.Date, last.ID
	// The sessions drawn on, for their corrections.
	drawn := map[string]Session{last.ID: last}
	lt.DaysSince = last.Date.DaysUntil(today)
	pd := p
	pd.LastSession = last.Date
	if pd.NextSession.IsZero() || pd.NextSession.Before(last.Date) {
		pd.NextSession = last.NextSession()
	}
	lt.Due = DueFor(pd, today)

	ref := func(s Session, a Action) ActionRef {
		return ActionRef{PersonID: p.ID, PersonName: p.Name, SessionID: s.ID, SessionDate: s.Date, Action: a}
	}
	for _, a := range last.LiveActions() {
		lt.Actions = append(lt.Actions, ref(last, a))
	}
	var earlier []ActionRef
	for _, s := range saved[1:] {
		for _, a := range s.LiveActions() {
			if a.Status == ActionOpen || a.Status == "" {
				earlier = append(earlier, ref(s, a))
				drawn[s.ID] = s
			}
		}
	}
	SortFollowUps(earlier)
	lt.Actions = append(lt.Actions, earlier...)

	for _, s := range saved {
		if h := strings.TrimSpace(s.Record[HelpID].Text); h != "" { // their words: never a prep answer kept under the same id
			lt.Help, lt.HelpFrom = h, s.Date
			drawn[s.ID] = s
			for _, a := range s.LiveActions() {
				if a.Status == ActionDone {
					if lt.HelpOutcomes == nil {
						lt.HelpOutcomes = map[Outcome]int{}
					}
					lt.HelpOutcomes[a.Outcome]++
				}
			}
			break
		}
	}

	for _, id := range NeedIDs {
		rc := RatingChange{ID: id, Label: id}
		if it, _, ok := g.Item(id); ok {
			rc.Label = it.Prompt
		}
		for _, s := range saved {
			a := s.Answer(id)
			if a.Rating == 0 {
				continue
			}
			drawn[s.ID] = s
			if rc.Last == 0 {
				rc.Last, rc.LastOn, rc.Together = a.Rating, s.Date, a.Together
				continue
			}
			rc.Before, rc.BeforeOn = a.Rating, s.Date
			break
		}
		lt.Ratings = append(lt.Ratings, rc)
	}

	for _, s := range drawn {
		for _, a := range s.Addenda {
			lt.Corrections = append(lt.Corrections, Correction{SessionID: s.ID, SessionDate: s.Date, Addendum: a})
		}
	}
	sort.SliceStable(lt.Corrections, func(i, j int) bool {
		ci, cj := lt.Corrections[i], lt.Corrections[j]
		if !ci.At.Equal(cj.At) {
			return ci.At.Before(cj.At)
		}
		return ci.SessionID < cj.SessionID
	})
	return lt
}

// LastTimeMarkdown renders the summary as short Markdown, to read on a
// phone or print before going in.
func LastTimeMarkdown(lt LastTime) string { return LastTimeMarkdownIn(lt, english) }

// LastTimeMarkdownIn is LastTimeMarkdown with its own words (headings,
// dates, counts) in a language; the rating labels come from the guide
// BuildLastTime was given.
func LastTimeMarkdownIn(lt LastTime, l *msg.Lang) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", l.T("cli.brief.title", "Name", mdLine(lt.Person.Name)))
	if lt.Last.IsZero() {
		fmt.Fprintf(&b, "%s\n", l.T("last.notmet", "Cadence", lt.Cadence.StringIn(l)))
		return b.String()
	}
	ago := l.T("last.ago", "Count", lt.DaysSince)
	if lt.DaysSince == 0 {
		ago = l.T("last.today")
	}
	fmt.Fprintf(&b, "%s\n", l.T("cli.brief.met", "Date", dateIn(l, lt.Last), "Ago", ago,
		"Cadence", lt.Cadence.StringIn(l), "Due", lt.Due.LabelIn(l)))

	// Corrections first, before what they correct is read.
	if len(lt.Corrections) > 0 {
		fmt.Fprintf(&b, "\n## %s\n", l.T("cli.brief.corrections"))
		for _, c := range lt.Corrections {
			fmt.Fprintf(&b, "\n%s\n\n> %s\n", l.T("cli.brief.correction", "Date", dateIn(l, c.SessionDate), "On", l.Date(c.At), "Time", c.At.Format("15:04")),
				strings.ReplaceAll(mdText(strings.TrimSpace(c.Text)), "\n", "\n> "))
		}
	}

	fmt.Fprintf(&b, "\n## %s\n\n", l.T("cli.brief.help"))
	if lt.Help == "" {
		fmt.Fprintf(&b, "_%s_\n", l.T("cli.brief.notasked"))
	} else {
		fmt.Fprintf(&b, "%s\n\n> %s\n", l.T("cli.brief.said", "Date", dateIn(l, lt.HelpFrom)), strings.ReplaceAll(mdText(lt.Help), "\n", "\n> "))
		if len(lt.HelpOutcomes) == 0 {
			fmt.Fprintf(&b, "\n%s _%s_\n", l.T("last.didit"), l.T("cli.brief.nothingdone"))
		} else {
			var parts []string
			for _, o := range Outcomes {
				if n := lt.HelpOutcomes[o]; n > 0 {
					parts = append(parts, fmt.Sprintf("%d %s", n, o.LabelIn(l)))
				}
			}
			if n := lt.HelpOutcomes[""]; n > 0 {
				parts = append(parts, l.T("last.unsaid", "Count", n))
			}
			fmt.Fprintf(&b, "\n%s %s.\n", l.T("last.didit"), strings.Join(parts, ", "))
		}
	}

	fmt.Fprintf(&b, "\n## %s\n\n", l.T("cli.brief.actions"))
	if len(lt.Actions) == 0 {
		fmt.Fprintf(&b, "_%s_\n", l.T("cli.brief.noneagreed"))
	}
	for _, r := range lt.Actions {
		line := mdActionLine(r.Action, l)
		if r.SessionID != lt.SessionID {
			line += " — " + l.T("cli.brief.opensince", "Date", dateIn(l, r.SessionDate))
		}
		if r.Overdue(lt.Today) {
			line += " — **" + l.T("cli.brief.overdue") + "**"
		}
		b.WriteString(line + "\n")
	}

	fmt.Fprintf(&b, "\n## %s\n\n", l.T("cli.brief.ratings"))
	fmt.Fprintf(&b, "| | %s | %s |\n|---|---|---|\n", l.T("cli.brief.col.last"), l.T("cli.brief.col.before"))
	for _, r := range lt.Ratings {
		last, before := "–", "–"
		if r.Last > 0 {
			how := l.T("rating.yourview")
			if r.Together {
				how = l.T("cli.brief.together")
			}
			last = fmt.Sprintf("%d/%d %s, %s", r.Last, MaxRating, how, dateIn(l, r.LastOn))
		}
		if r.Before > 0 {
			before = fmt.Sprintf("%d/%d %s", r.Before, MaxRating, dateIn(l, r.BeforeOn))
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.Label, last, before)
	}
	return b.String()
}
