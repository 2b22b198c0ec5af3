package coach

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"attend/coach/msg"
)

// Dates as attend writes them ("Fri 8 Jan 2027", "Gwe 8 Ion 2027", "8
// Jan"), with the month named in either language, short or in full, and
// the weekday optional: a date field shows a date as the rest of the
// screens do, and what it shows must read back as the same day.

// dateWords are the words attend's dates are written with, lower case, in
// English and Welsh: taken from the catalogues that write them, so the two
// cannot drift apart.
type dateWords struct {
	months   map[string]int // "jan", "january", "ion", "ionawr" -> 1
	weekdays map[string]bool
}

var namedDateWords = sync.OnceValue(func() dateWords {
	w := dateWords{months: map[string]int{}, weekdays: map[string]bool{}}
	for _, code := range []string{"en", "cy"} {
		l := msg.New(code)
		for m := 1; m <= 12; m++ {
			t := time.Date(2001, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			short, _, _ := strings.Cut(l.Month(t), " ")
			w.months[strings.ToLower(short)] = m
			w.months[strings.ToLower(l.T("coach.month."+strconv.Itoa(m)))] = m
		}
		for d := range 7 { // 1 Jan 2001 was a Monday
			day, _, _ := strings.Cut(l.Date(time.Date(2001, 1, 1+d, 0, 0, 0, 0, time.UTC)), " ")
			w.weekdays[strings.ToLower(day)] = true
		}
	}
	for m := time.January; m <= time.December; m++ {
		w.months[strings.ToLower(m.String())] = int(m)
	}
	w.months["sept"] = 9
	return w
})

// parseNamedDate reads s (lower case, single spaces) as [weekday] day
// month [year]: "fri 8 jan 2027", "gwe 8 ion 2027", "8 january". ok is
// false when s does not have that shape; a shape with a day that does not
// exist (31 feb) is refused as the same date typed 31/2 would be. The
// weekday is not checked against the date: the day and month say which.
func parseNamedDate(s string, today Date, l lean) (d Date, ok bool, err error) {
	w := namedDateWords()
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(f) > 0 && w.weekdays[f[0]] {
		f = f[1:]
	}
	if len(f) < 2 || len(f) > 3 {
		return Date{}, false, nil
	}
	num := f[0]
	for _, ord := range []string{"st", "nd", "rd", "th"} { // "8th jan"
		if n, cut := strings.CutSuffix(num, ord); cut {
			num = n
			break
		}
	}
	day, err := strconv.Atoi(num)
	month, known := w.months[strings.TrimSuffix(f[1], ".")]
	if err != nil || !known {
		return Date{}, false, nil
	}
	slash := strconv.Itoa(day) + "/" + strconv.Itoa(month)
	if len(f) == 3 {
		if _, err := strconv.Atoi(f[2]); err != nil {
			return Date{}, false, nil
		}
		slash += "/" + f[2]
	}
	d, err = parseSlashDate(slash, today, l)
	return d, true, err
}

// WeekendIn is a word for a date on a Saturday or Sunday ("that is a
// Sunday"), or "": "next month" or "+6w" can land on one without anyone
// noticing. A word, not a refusal: some teams work weekends. The screens
// and the command line say it the same way.
func WeekendIn(l *msg.Lang, d Date) string {
	switch d.Time().Weekday() {
	case time.Saturday:
		return l.T("date.saturday")
	case time.Sunday:
		return l.T("date.sunday")
	}
	return ""
}
