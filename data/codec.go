package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/klauspost/compress/zstd"

	"attend/coach"
)

// Session and draft values are stored compressed (schema 4): zipFormat,
// then the record's JSON as a zstd frame (github.com/klauspost/compress)
// made with zipDict as its raw dictionary. Most of a small record is its
// field names and prompt ids, which the dictionary holds, so even a short
// note shrinks; demo sessions take about 2.2 times less room. zstd rather
// than the standard library's DEFLATE: it compresses as well, and opens a
// session 2-3 times faster, which is most of an export's time. A value that
// starts with '{' is plain JSON, as schema 3 and before stored it; both are
// read.
//
// zipDict must never change: every compressed value needs it to open. A
// new dictionary would take a new format byte.
const zipFormat = 'z'

var zipDict = []byte(`"text":"","rating":,"together":true,"date":"2026-` +
	`{"id":"","text":"","owner":"me","status":"open","created":"T00:00:00Z","closed":"","reason":"","outcome":"helped"}` +
	`"addenda":[{"at":"","text":""}],"agreed":"2026-","writer":"","base":"","left":true,"position":{"item":"","field":` +
	`"checkin.energy":{"checkin.head":{"checkin.support":{"checkin.assumptions":{"checkin.own":{"attend.fascination":{` +
	`"attend.opening":{"attend.language":{"understand.curious":{"understand.missing":{"understand.outside":{` +
	`"empathise.safe":{"empathise.steady":{"empathise.private":{"help.offer":{"help.others":{"help.upwards":{` +
	`"help.decide":{"strain.need":{"strain.pressure":{"agenda.theirs":{"agenda.said":{"agenda.help":{` +
	`"needs.autonomy":{"needs.belonging":{"needs.competence":{"needs.workload":{"team.inclusion":{"team.goals":{` +
	`"team.learning":{"actions.list":{"close.next":{"reflect.talking":{"reflect.behaviours":{"reflect.control":{` +
	`"reflect.team":{"reflect.leaving":{` +
	` the and to of a in that is was for it with on they be have we about at this their what as but not how them ` +
	`would will feel more time team from next week shift rota help support work staff care need said ` +
	`{"v":3,"id":"01","person_id":"01","lang":"en","date":"2026-","created":"2026-","updated":"2026-` +
	`","saved":"2026-","prep":{"record":{"reflection":{"actions":[{"id":"01`)

// maxRecord bounds what one compressed value may open to, so a damaged or
// hostile value cannot take all memory.
const maxRecord = 64 << 20

// zipper is the shared encoder and decoder, made on first use (not at
// start, which every command pays for). Both are safe for concurrent use.
// The encoder keeps one state per core: EncodeAll takes a state for the
// whole value, so with one state a batch compressed on every core
// (SaveSessions) would take turns. Each state is the same settings, so the
// bytes are the same whichever compresses a value.
var zipper = sync.OnceValues(func() (*zstd.Encoder, *zstd.Decoder) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderDictRaw(0, zipDict),
		zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)), zstd.WithEncoderCRC(false))
	if err != nil {
		panic(err) // only for bad options, fixed above
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderDictRaw(0, zipDict), zstd.WithDecoderMaxMemory(maxRecord),
		zstd.WithDecoderConcurrency(0))
	if err != nil {
		panic(err)
	}
	return enc, dec
})

// zip compresses a JSON record.
func zip(plain []byte) []byte { return zipAppend(nil, plain) }

// zipAppend appends what zip returns to dst.
func zipAppend(dst, plain []byte) []byte {
	enc, _ := zipper()
	return enc.EncodeAll(plain, append(dst, zipFormat))
}

var errZip = errors.New("the compressed record does not open")

// unzip returns the JSON of a stored session or draft value, compressed or
// not. It never panics, whatever the bytes.
func unzip(b []byte) ([]byte, error) { return unzipInto(nil, b) }

// unzipInto is unzip opening a compressed value into scratch's room (it
// may grow), so that a loop over many values need not allocate each time.
func unzipInto(scratch, b []byte) ([]byte, error) {
	if len(b) == 0 || b[0] != zipFormat {
		return b, nil
	}
	if cap(scratch) < 3*len(b) {
		scratch = make([]byte, 0, 3*len(b))
	}
	_, dec := zipper()
	out, err := dec.DecodeAll(b[1:], scratch[:0])
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errZip, err)
	}
	return out, nil
}

// Summaries are stored binary (schema 4), read for every line of
// `attend log` and every row of history: summaryFormat, then
//
//	record version (uvarint) | date (8, as in keys) | agreed (8, zero when none) |
//	answered, total, open (uvarints) |
//	id, person id, person name, preview (each a uvarint length and the bytes) |
//	ratings: a count, then each item id (uvarint length, bytes) and rating (uvarint) |
//	together: a count, then each item id |
//	outcomes: a count, then each outcome and its count
//
// A value that starts with '{' is the JSON of schema 3 and before.
const summaryFormat = 's'

var errSummary = errors.New("summary record is malformed")

func appendString(out []byte, s string) []byte {
	out = binary.AppendUvarint(out, uint64(len(s)))
	return append(out, s...)
}

func encodeSummaryBinary(s coach.Summary) []byte {
	out := make([]byte, 0, 96+len(s.PersonName)+len(s.Preview)+16*len(s.Ratings))
	out = append(out, summaryFormat)
	out = binary.AppendUvarint(out, RecordVersion)
	d := dateBytes(s.Date)
	out = append(out, d[:]...)
	var a [dateLen]byte
	if !s.Agreed.IsZero() {
		a = dateBytes(s.Agreed)
	}
	out = append(out, a[:]...)
	for _, n := range []int{s.Answered, s.Total, s.Open} {
		out = binary.AppendUvarint(out, uint64(max(n, 0)))
	}
	for _, f := range []string{s.ID, s.PersonID, s.PersonName, s.Preview} {
		out = appendString(out, f)
	}
	out = binary.AppendUvarint(out, uint64(len(s.Ratings)))
	for _, k := range slices.Sorted(mapsKeys(s.Ratings)) {
		out = appendString(out, k)
		out = binary.AppendUvarint(out, uint64(max(s.Ratings[k], 0)))
	}
	var together []string
	for k, v := range s.Together {
		if v {
			together = append(together, k)
		}
	}
	slices.Sort(together)
	out = binary.AppendUvarint(out, uint64(len(together)))
	for _, k := range together {
		out = appendString(out, k)
	}
	out = binary.AppendUvarint(out, uint64(len(s.Outcomes)))
	for _, k := range slices.Sorted(mapsKeys(s.Outcomes)) {
		out = appendString(out, string(k))
		out = binary.AppendUvarint(out, uint64(max(s.Outcomes[k], 0)))
	}
	return out
}

func mapsKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// summaryReader reads the fields of a binary summary in turn; the first
// fault sticks.
type summaryReader struct {
	b   []byte
	err error
}

func (r *summaryReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errSummary
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *summaryReader) int() int {
	v := r.uvarint()
	if v > 1<<31 {
		r.err = errSummary
		return 0
	}
	return int(v)
}

func (r *summaryReader) string() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errSummary
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *summaryReader) date() (coach.Date, bool) {
	if r.err != nil || len(r.b) < dateLen {
		r.err = errSummary
		return coach.Date{}, false
	}
	raw := r.b[:dateLen]
	r.b = r.b[dateLen:]
	if [dateLen]byte(raw) == ([dateLen]byte{}) {
		return coach.Date{}, false
	}
	return dateFromBytes(raw), true
}

// count reads a count of entries that each take at least 2 bytes.
func (r *summaryReader) count() int {
	n := r.int()
	if n > len(r.b)/2 {
		r.err = errSummary
		return 0
	}
	return n
}

// decodeSummaryBinary reads a binary summary. It never panics.
func decodeSummaryBinary(b []byte) (coach.Summary, error) {
	var s coach.Summary
	if len(b) < 1 || b[0] != summaryFormat {
		return s, errSummary
	}
	r := &summaryReader{b: b[1:]}
	if err := r.head(&s); err != nil {
		return s, err
	}
	s.ID, s.PersonID, s.PersonName, s.Preview = r.string(), r.string(), r.string(), r.string()
	if n := r.count(); n > 0 {
		s.Ratings = make(map[string]int, n)
		for range n {
			k := r.string()
			s.Ratings[k] = r.int()
		}
	}
	if n := r.count(); n > 0 {
		s.Together = make(map[string]bool, n)
		for range n {
			s.Together[r.string()] = true
		}
	}
	if n := r.count(); n > 0 {
		s.Outcomes = make(map[coach.Outcome]int, n)
		for range n {
			k := coach.Outcome(r.string())
			s.Outcomes[k] = r.int()
		}
	}
	return r.end(s)
}

// head reads what every summary starts with: its record version, date,
// agreed date and counts. The error is a version this attend cannot read.
func (r *summaryReader) head(s *coach.Summary) error {
	v := r.int()
	if r.err == nil {
		if err := checkVersion("summary", v); err != nil {
			return err
		}
	}
	s.Date, _ = r.date()
	if a, ok := r.date(); ok {
		s.Agreed = a
	}
	s.Answered, s.Total, s.Open = r.int(), r.int(), r.int()
	return nil
}

// end is s, if the value was read without fault and to its last byte.
func (r *summaryReader) end(s coach.Summary) (coach.Summary, error) {
	if r.err == nil && len(r.b) != 0 {
		r.err = errSummary
	}
	if r.err != nil {
		return coach.Summary{}, fmt.Errorf("%w", r.err)
	}
	return s, nil
}

// decodeSummaryLine is decodeSummary without the maps (Ratings, Together,
// Outcomes): what a list line shows. The rest of the value is still read
// through, unbuilt, so a value decodeSummary would refuse is refused here
// too. The four strings share one allocation.
func decodeSummaryLine(b []byte) (coach.Summary, error) {
	if len(b) < 1 || b[0] != summaryFormat {
		s, err := decodeSummary(b) // the JSON of schema 3 and before
		s.Ratings, s.Together, s.Outcomes = nil, nil, nil
		return s, err
	}
	var s coach.Summary
	r := &summaryReader{b: b[1:]}
	if err := r.head(&s); err != nil {
		return s, err
	}
	var at [4][2]int // each string's start and end in strs
	strs := r.b
	for i := range at {
		n := r.uvarint()
		if r.err != nil || n > uint64(len(r.b)) {
			r.err = errSummary
			break
		}
		at[i][0] = len(strs) - len(r.b)
		r.b = r.b[n:]
		at[i][1] = len(strs) - len(r.b)
	}
	if r.err == nil {
		all := string(strs[:len(strs)-len(r.b)])
		s.ID, s.PersonID = all[at[0][0]:at[0][1]], all[at[1][0]:at[1][1]]
		s.PersonName, s.Preview = all[at[2][0]:at[2][1]], all[at[3][0]:at[3][1]]
	}
	for _, valued := range []bool{true, false, true} { // ratings, together, outcomes
		for range r.count() {
			r.skipString()
			if valued {
				r.int()
			}
		}
	}
	return r.end(s)
}

// skipString reads past a string, as string does, without making it.
func (r *summaryReader) skipString() {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errSummary
		return
	}
	r.b = r.b[n:]
}
