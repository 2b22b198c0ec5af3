package coach

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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
		return said("coach.date.notcalendar", "Date", fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day))
	}
	return nil
}

// Time is midnight UTC at the start of the day, for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String is the ISO form, "2026-11-26", or "" when unset.
func (d Date) String() string {
	return string(d.AppendISO(make([]byte, 0, 10)))
}

// AppendISO appends what String returns, without fmt where it can: an
// export writes several dates a session, and actions one a line.
func (d Date) AppendISO(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return fmt.Appendf(b, "%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	y, m := d.Year, int(d.Month)
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
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
func (d Date) Before(o Date) bool {
	// Field by field (a Date is a calendar day as DateOf makes it), not
	// through two time.Times: sorting and listing call it a great deal.
	if d.Year != o.Year {
		return d.Year < o.Year
	}
	if d.Month != o.Month {
		return d.Month < o.Month
	}
	return d.Day < o.Day
}

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
	if d2, ok := parseISO(b); ok {
		*d = d2
		return nil
	}
	t, err := time.Parse("2006-01-02", string(b))
	if err != nil {
		return fmt.Errorf("date %q is not YYYY-MM-DD", string(b))
	}
	*d = DateOf(t)
	return nil
}

// parseISO reads YYYY-MM-DD as time.Parse("2006-01-02") does, for a
// real calendar day written exactly so, without time.Parse; anything else
// is not ok (and left to time.Parse).
func parseISO(b []byte) (Date, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return Date{}, false
	}
	n := 0
	for i, c := range b {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return Date{}, false
		}
		n = n*10 + int(c-'0')
	}
	y, m, day := n/10000, n/100%100, n%100
	if m < 1 || m > 12 || day < 1 {
		return Date{}, false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	if day > days {
		return Date{}, false
	}
	return Date{y, time.Month(m), day}, true
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

// lean is which way a date typed without a year or a direction falls:
// ahead for a due date or the next session, back for a filter over what
// has already happened.
type lean int

const (
	ahead lean = iota
	back
)

// ParseDate reads a date as a manager might type it for something ahead
// (a due date, the next session), relative to today:
//
//	2027-02-24   24/2/2027   24/2 (this year, or next if already past)
//	Fri 24 Feb 2027   24 February   Gwe 24 Chwef 2027 (as attend writes dates)
//	today  tomorrow  yesterday  fri / friday / next friday (the next one, never today)
//	+6w  6w  10d  3m  1y  in 2 weeks  in a fortnight  fortnightly
//	next week  next month  next year  (days, weeks, months, years from today)
//
// Empty input gives the zero Date and no error: the date is optional.
func ParseDate(in string, today Date) (Date, error) { return parseLeaning(in, today, ahead) }

// ParsePastDate reads a date for a filter over what has happened (attend
// log --since, a search's since: and until:), leaning into the past where
// ParseDate leans into the future:
//
//	1/9          the most recent 1 September: this year's if that is today or before, else last year's
//	2w  -2w  10d  3m  1y  2 weeks ago  a fortnight   that long ago
//	fri  last friday   the most recent Friday (today, if it is Friday; "last" never today)
//	yesterday  last week  last month  last year
//
// A date with a year, "today", and anything said forwards ("+0d", "in 3
// days", "tomorrow", "next week") read as they do in ParseDate. Empty input
// gives the zero Date and no error.
func ParsePastDate(in string, today Date) (Date, error) { return parseLeaning(in, today, back) }

// DateHasYear reports whether a typed date names its year (2026-09-01,
// 1/9/2026), so that it reads the same whatever day it is typed on. attend
// echoes the date it understood for anything else.
func DateHasYear(in string) bool {
	s := strings.TrimSpace(in)
	if _, err := time.Parse("2006-01-02", s); err == nil {
		return true
	}
	return strings.Count(s, "/") == 2
}

func parseLeaning(in string, today Date, l lean) (Date, error) {
	d, err := parseDate(in, today, l)
	switch {
	case err != nil:
		return Date{}, err
	case d.Year > 9999:
		// Such a date could not be stored as YYYY-MM-DD or read back.
		return Date{}, said("coach.date.toolate", "Typed", fmt.Sprintf("%q", strings.TrimSpace(in)))
	case !d.IsZero() && d.Year < 1:
		return Date{}, said("coach.date.tooearly", "Typed", fmt.Sprintf("%q", strings.TrimSpace(in)))
	}
	return d, nil
}

func parseDate(in string, today Date, l lean) (Date, error) {
	// Lower case, and runs of spaces as one: "Next  Friday" is "next friday".
	s := fromWelsh(strings.Join(strings.Fields(strings.ToLower(in)), " "))
	if s == "" {
		return Date{}, nil
	}
	switch s {
	case "today", "heddiw":
		return today, nil
	case "tomorrow", "yfory":
		return today.AddDays(1), nil
	case "yesterday", "ddoe":
		return today.AddDays(-1), nil
	case "next week":
		return today.AddDays(7), nil
	case "last week":
		return today.AddDays(-7), nil
	case "next month":
		return today.AddMonths(1), nil
	case "last month":
		return today.AddMonths(-1), nil
	case "next year":
		return today.AddMonths(12), nil
	case "last year":
		return today.AddMonths(-12), nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return DateOf(t), nil
	}
	if strings.Contains(s, "/") {
		return parseSlashDate(s, today, l)
	}
	if d, ok, err := parseNamedDate(s, today, l); ok {
		return d, err
	}
	if d, ok := parseRelative(s, today, l); ok {
		return d, nil
	}
	if d, ok := parseWeekday(s, today, l); ok {
		return d, nil
	}
	return Date{}, said("coach.date.unreadable", "Typed", fmt.Sprintf("%q", strings.TrimSpace(in)))
}

// parseWeekday reads "fri", "friday", "next friday", "last friday", "this
// friday" and the Welsh "dydd gwener".
func parseWeekday(s string, today Date, l lean) (Date, bool) {
	which := ""
	for _, w := range []string{"next ", "last ", "this ", "on "} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			which, s = strings.TrimSpace(w), rest
			break
		}
	}
	word := strings.TrimPrefix(s, "dydd ")
	if len(word) < 3 {
		return Date{}, false
	}
	for name, wd := range weekdays {
		if !strings.HasPrefix(name, word) {
			continue
		}
		now := int(today.Time().Weekday())
		on := (int(wd) - now + 7) % 7     // 0 to 6 days on
		behind := (now - int(wd) + 7) % 7 // 0 to 6 days back
		switch {
		case which == "next" || (which != "last" && l == ahead):
			if on == 0 {
				on = 7 // never today
			}
			return today.AddDays(on), true
		case which == "last":
			if behind == 0 {
				behind = 7 // never today
			}
			return today.AddDays(-behind), true
		default: // looking back: the most recent, today included
			return today.AddDays(-behind), true
		}
	}
	return Date{}, false
}

// parseSlashDate reads British day-first dates: 24/2/2027, 24/2/27, 24/2.
// Without a year, it is the next such day (today included) leaning ahead,
// and the most recent (today included) leaning back.
func parseSlashDate(s string, today Date, l lean) (Date, error) {
	parts := strings.Split(s, "/")
	bad := said("coach.date.slash", "Typed", fmt.Sprintf("%q", s))
	if len(parts) < 2 || len(parts) > 3 {
		return Date{}, bad
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
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
	if len(nums) == 2 && !(Date{2000, time.Month(month), day}).valid() {
		// No year has it (31/2, 31/4): say so without a year, which would
		// only suggest another year might.
		return Date{}, said("coach.date.noday", "Month", monthName(month), "Day", day)
	}
	if len(nums) == 2 && l == back {
		// The most recent such day: this year's, else an earlier year's
		// (29/2 may be up to eight years back).
		for y := year; y > year-9; y-- {
			if d := (Date{y, time.Month(month), day}); d.valid() && !today.Before(d) {
				return d, nil
			}
		}
		return Date{}, bad // not reached for any real today
	}
	d := Date{year, time.Month(month), day}
	if len(nums) == 2 && d.Before(today) { // field by field, so 29/2/2026 compares too
		// Already past this year, so next year's (whose 29/2 may not be).
		d.Year++
	}
	if !d.valid() { // 29/2/2027 rolls over in time.Date; refuse it instead
		return Date{}, said("coach.date.nodayyear", "Month", monthName(month), "Year", d.Year, "Day", day)
	}
	return d, nil
}

// valid reports whether d is a real calendar day (time.Date rolls 31/2 on
// into March; this does not).
func (d Date) valid() bool { return DateOf(d.Time()) == d }

// numberWords are the counts a manager may write in words: "in two weeks",
// "a fortnight ago".
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// parseRelative reads a count of days, weeks, fortnights, months or years:
// "6w", "+6w", "in 6 weeks", "in two weeks" and "fortnightly" are ahead;
// "-6w", "6 weeks ago" and "a fortnight ago" are back; a bare "6w" (or
// "fortnight") goes the way l leans.
func parseRelative(s string, today Date, l lean) (Date, bool) {
	sign := 0
	if rest, ok := strings.CutPrefix(s, "in "); ok {
		s, sign = rest, 1
	}
	if rest, ok := strings.CutSuffix(s, " ago"); ok {
		if sign != 0 {
			return Date{}, false // "in 2 weeks ago"
		}
		s, sign = rest, -1
	}
	s = strings.TrimSpace(s)
	if s == "fortnight" || s == "fortnightly" {
		s = "1fortnight"
	}
	switch {
	case strings.HasPrefix(s, "+"):
		if sign < 0 {
			return Date{}, false
		}
		s, sign = s[1:], 1
	case strings.HasPrefix(s, "-"):
		if sign != 0 {
			return Date{}, false // "in -3 days", "-3 days ago"
		}
		s, sign = s[1:], -1
	}
	if sign == 0 {
		sign = 1
		if l == back {
			sign = -1
		}
	}
	if sign < 0 && l == ahead {
		return Date{}, false // a due date is not set in the past by counting back
	}
	s = strings.ReplaceAll(s, " ", "")
	n, unit, ok := readCount(s)
	if !ok {
		return Date{}, false
	}
	n *= sign
	switch unit {
	case "d", "day", "days":
		return today.AddDays(n), true
	case "w", "wk", "wks", "week", "weeks":
		return today.AddDays(7 * n), true
	case "fortnight", "fortnights", "fortnightly":
		return today.AddDays(14 * n), true
	case "m", "mo", "mos", "month", "months":
		return today.AddMonths(n), true
	case "y", "yr", "yrs", "year", "years":
		return today.AddMonths(12 * n), true
	}
	return Date{}, false
}

// readCount splits "6weeks" or "twoweeks" into the count and the unit. A
// count in digits has at most four.
func readCount(s string) (n int, unit string, ok bool) {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i > 0 {
		if i > 4 {
			return 0, "", false
		}
		n, _ = strconv.Atoi(s[:i])
		return n, s[i:], true
	}
	// The longest number word that starts s and leaves a unit ("an" before
	// "a", so "anhour" is never "a" + "nhour").
	best := ""
	for w := range numberWords {
		if strings.HasPrefix(s, w) && len(w) > len(best) && len(s) > len(w) {
			best = w
		}
	}
	if best == "" {
		return 0, "", false
	}
	return numberWords[best], s[len(best):], true
}
