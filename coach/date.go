package coach

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Date is a calendar day with no time or zone: a due date or the next session.
// The zero Date means "not set". It is stored as "YYYY-MM-DD".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// Check reports a date that is not a real calendar day (31 February) or is
// outside years 1 to 9999. The zero Date (unset) is fine.
func (d Date) Check() error {
	if d.IsZero() {
		return nil
	}
	if d.Year < 1 || d.Year > 9999 || DateOf(d.Time()) != d {
		return fmt.Errorf("%04d-%02d-%02d is not a calendar date", d.Year, int(d.Month), d.Day)
	}
	return nil
}

// Time is midnight UTC at the start of the day, for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String is the ISO form, "2026-11-26", or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Human is the form people read, "Thu 26 Nov 2026".
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("Mon 2 Jan 2006")
}

// AddDays moves by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths moves by n calendar months, clamping to the last day of a shorter
// month (31 Jan + 1 month = 28 or 29 Feb), as a person counting on a calendar
// would, rather than spilling into the next month as time.AddDate does.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	day := min(d.Day, last)
	return Date{first.Year(), first.Month(), day}
}

// Before reports whether d is strictly earlier than o.
func (d Date) Before(o Date) bool { return d.Time().Before(o.Time()) }

// DaysUntil counts whole days from d to o (negative if o is earlier).
func (d Date) DaysUntil(o Date) int {
	// Whole seconds, not time.Duration, which cannot span more than 292 years.
	return int((o.Time().Unix() - d.Time().Unix()) / (24 * 60 * 60))
}

// MarshalText stores the ISO form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText accepts the ISO form or "".
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	t, err := time.Parse("2006-01-02", string(b))
	if err != nil {
		return fmt.Errorf("date %q is not YYYY-MM-DD", string(b))
	}
	*d = DateOf(t)
	return nil
}

// weekdays are the day names a manager may type, in full. What is typed must
// be the start of one of them (at least three letters), so "fri", "frid" and
// "friday" all work but "friend" or "monkey" are not read as days.
var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "weds": time.Wednesday, "thursday": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday,
	// Welsh day names (after "dydd"), so a bilingual manager can type either.
	"sul": time.Sunday, "llun": time.Monday, "mawrth": time.Tuesday, "mercher": time.Wednesday,
	"iau": time.Thursday, "gwener": time.Friday, "sadwrn": time.Saturday,
}

// ParseDate reads a date as a manager might type it, relative to today:
//
//	2027-02-24   24/2/2027   24/2 (this year, or next if already past)
//	today  tomorrow  fri / friday (the next one, never today)
//	+6w  6w  10d  3m  1y  (days, weeks, months, years from today; "+" optional)
//
// Empty input gives the zero Date and no error: the date is optional.
func ParseDate(in string, today Date) (Date, error) {
	d, err := parseDate(in, today)
	if err == nil && d.Year > 9999 {
		// Such a date could not be stored as YYYY-MM-DD or read back.
		return Date{}, fmt.Errorf("%q is too far ahead: dates end at 31 Dec 9999", strings.TrimSpace(in))
	}
	return d, err
}

func parseDate(in string, today Date) (Date, error) {
	s := strings.ToLower(strings.TrimSpace(in))
	if s == "" {
		return Date{}, nil
	}
	switch s {
	case "today", "heddiw":
		return today, nil
	case "tomorrow", "yfory":
		return today.AddDays(1), nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return DateOf(t), nil
	}
	if strings.Contains(s, "/") {
		return parseSlashDate(s, today)
	}
	if d, ok := parseRelative(s, today); ok {
		return d, nil
	}
	word := strings.TrimPrefix(s, "dydd ")
	for name, wd := range weekdays {
		if len(word) >= 3 && strings.HasPrefix(name, word) {
			ahead := (int(wd) - int(today.Time().Weekday()) + 7) % 7
			if ahead == 0 {
				ahead = 7
			}
			return today.AddDays(ahead), nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date I can read: try 2027-02-24, 24/2/2027, +6w or fri", strings.TrimSpace(in))
}

// parseSlashDate reads British day-first dates: 24/2/2027, 24/2/27, 24/2.
func parseSlashDate(s string, today Date) (Date, error) {
	parts := strings.Split(s, "/")
	bad := fmt.Errorf("%q is not a date: write day/month/year, like 24/2/2027", s)
	if len(parts) < 2 || len(parts) > 3 {
		return Date{}, bad
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, bad
		}
		nums[i] = n
	}
	day, month := nums[0], nums[1]
	year := today.Year
	if len(nums) == 3 {
		year = nums[2]
		if year < 100 {
			year += 2000
		}
	}
	if month < 1 || month > 12 || day < 1 || year > 9999 {
		return Date{}, bad
	}
	d := Date{year, time.Month(month), day}
	if DateOf(d.Time()) != d { // 31/2 rolls over in time.Date; refuse it instead
		return Date{}, fmt.Errorf("%s %d has no day %d", time.Month(month), year, day)
	}
	if len(nums) == 2 && d.Before(today) {
		d.Year++
		if DateOf(d.Time()) != d { // 29/2 in a leap year, next year
			return Date{}, fmt.Errorf("February %d has no day 29", d.Year)
		}
	}
	return d, nil
}

func parseRelative(s string, today Date) (Date, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "in "), "+")
	s = strings.ReplaceAll(s, " ", "")
	i := 0
	for i < len(s) && unicode.IsDigit(rune(s[i])) {
		i++
	}
	if i == 0 || i > 4 {
		return Date{}, false
	}
	n, _ := strconv.Atoi(s[:i])
	unit := s[i:]
	switch {
	case unit == "d" || unit == "day" || unit == "days":
		return today.AddDays(n), true
	case unit == "w" || unit == "wk" || unit == "week" || unit == "weeks":
		return today.AddDays(7 * n), true
	case unit == "m" || unit == "mo" || unit == "month" || unit == "months":
		return today.AddMonths(n), true
	case unit == "y" || unit == "year" || unit == "years":
		return today.AddMonths(12 * n), true
	}
	return Date{}, false
}
