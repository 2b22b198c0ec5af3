package coach

import "sort"

// MaxRetentionYears bounds the retention setting: records about staff are
// commonly kept for six years after employment ends; a hundred is a typing
// slip, not a policy.
const MaxRetentionYears = 99

// CheckRetention reports a retention period that cannot be a setting.
// Zero means off.
func CheckRetention(years int) error {
	if years < 0 || years > MaxRetentionYears {
		return said("coach.retention.range", "Max", MaxRetentionYears, "Years", years)
	}
	return nil
}

// RetentionDue is one person whose records are past the retention period.
type RetentionDue struct {
	Person Person
	// Last is the date counted from: their last session, or the day they
	// were added if they never had one (NoSessions).
	Last       Date
	NoSessions bool
	// Since is the first day the records were due for deletion.
	Since Date
}

// RetentionEnd is the last day records dated last are kept under a
// retention period of years: the same calendar day, years later (29
// February counts to 28 February in a year that has none).
func RetentionEnd(last Date, years int) Date { return last.AddMonths(12 * years) }

// DueForDeletion lists the people whose last session (or, with none, the
// day they were added) is more than years ago today: due from the day
// after RetentionEnd. Longest overdue first. years <= 0 (no retention
// setting) lists no one.
func DueForDeletion(people []Person, years int, today Date) []RetentionDue {
	if years <= 0 {
		return nil
	}
	var out []RetentionDue
	for _, p := range people {
		d := RetentionDue{Person: p, Last: p.LastSession}
		if d.Last.IsZero() {
			if p.Created.IsZero() {
				continue // nothing to count from
			}
			d.Last, d.NoSessions = DateOf(p.Created), true
		}
		end := RetentionEnd(d.Last, years)
		if !end.Before(today) {
			continue
		}
		d.Since = end.AddDays(1)
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Last != out[j].Last {
			return out[i].Last.Before(out[j].Last)
		}
		return Fold(out[i].Person.Name) < Fold(out[j].Person.Name)
	})
	return out
}
