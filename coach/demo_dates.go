package coach

// When demo sessions fall, and the small chances and picks that shape
// them: weekdays in working hours, up to today.

import (
	"math/rand/v2"
	"time"
)

func pickOr(r *rand.Rand, list []string) string {
	if len(list) == 0 {
		return ""
	}
	return pick(r, list)
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

// weekday moves a Saturday, a Sunday or a day most services keep as a
// holiday (Christmas Day, Boxing Day, New Year's Day) on to the next
// working day.
func weekday(d Date) Date {
	for !working(d) {
		d = d.AddDays(1)
	}
	return d
}

// weekdayBack moves a day off back to the working day before it.
func weekdayBack(d Date) Date {
	for !working(d) {
		d = d.AddDays(-1)
	}
	return d
}

// working reports whether a one-to-one might be held on d: not at a
// weekend, and not on Christmas Day, Boxing Day or New Year's Day.
func working(d Date) bool {
	switch wd := d.Time().Weekday(); {
	case wd == time.Saturday || wd == time.Sunday:
		return false
	case d.Month == time.December && (d.Day == 25 || d.Day == 26), d.Month == time.January && d.Day == 1:
		return false
	}
	return true
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

// between is a whole number from lo to hi inclusive.
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }
