package data

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// SchemaVersion is the layout of buckets and keys this attend writes and
// reads. A file with a higher version is refused; a lower one is migrated.
//
// Version 2 added the open-actions index (idx_open) and the search index
// (idx_text), and summaries that carry ratings and the agreed date.
//
// Version 3 split every session into its three parts (prep, meeting
// record, reflection); see migrateV2.
//
// Version 4 replaced idx_text (each session's words) with an inverted
// index (idx_words, idx_tail, idx_docs, idx_sdoc; see textindex.go),
// compressed session and draft values, and made summaries binary; see
// migrateV3.
//
// Version 5 gave every record value of an unencrypted file a checksum
// (vbucket.go), so that check and every read find a changed bit, as the
// AEAD of an encrypted file's sealed values already does; see migrateV4.
//
// Version 6 stored people binary, with their names folded (person_codec.go),
// so that listings that name people need not decode everyone's JSON; see
// migrateV5.
//
// Version 7 made every summary again from its session, as a summary now
// speaks of the meeting record alone: its preview is never the private
// prep's or reflection's words, and its counts are the record's prompts;
// see migrateV6.
const SchemaVersion = 7

// RecordVersion is the "v" every stored JSON value carries. Any change to
// what a record holds (a new field included) must raise it, so that an
// older attend refuses the record instead of rewriting it without the field.
//
// Version 2: sessions gained record, agreed and addenda; actions closed;
// summaries ratings and agreed; people demo.
//
// Version 3: a session's answers are in three parts (prep, record as a map
// of answers, reflection) instead of "answers" and the "record" text;
// answers gained together; actions outcome; summaries together and
// outcomes.
const RecordVersion = 3

// schemaTarget and migrations are variables only so tests can exercise the
// migration machinery before a real migration exists.
var (
	schemaTarget = SchemaVersion
	// migrations[v] upgrades a file from schema v to v+1. All pending ones
	// run inside one Update, so a failure leaves the file as it was. In an
	// encrypted file the record values are sealed: a migration that reads
	// or rewrites records must reach them through bucketsOf(tx, s.seal).
	migrations = map[int]func(tx *bbolt.Tx, s *Store) error{
		1: migrateV1,
		2: migrateV2,
		3: migrateV3,
		4: migrateV4,
		5: migrateV5,
		6: migrateV6,
	}
)

// Buckets. Keys hold only ids and dates, never a name or a note, so that
// sealing values later (encryption) leaves nothing personal readable.
var (
	bktMeta      = []byte("meta")       // "app", "schema", "created"
	bktPeople    = []byte("people")     // personID -> person (binary from schema 6, person_codec.go; personRecord JSON before)
	bktSessions  = []byte("sessions")   // sessionID -> sessionRecord
	bktDrafts    = []byte("drafts")     // personID -> sessionRecord (one draft per person)
	bktIdxTime   = []byte("idx_time")   // date(8) + sessionID(26) -> summaryRecord
	bktIdxPerson = []byte("idx_person") // personID(26) + date(8) + sessionID(26) -> empty
	bktIdxOpen   = []byte("idx_open")   // personID(26) + sessionID(26) + actionID(26) -> openRecord
	bktIdxText   = []byte("idx_text")   // schema 2 and 3 only: date(8) + sessionID(26) -> the session's folded words
	bktIdxWords  = []byte("idx_words")  // block(4) + hash(8) -> doc ids (textindex.go)
	bktIdxTail   = []byte("idx_tail")   // docID(4) -> hashes of a session not yet in idx_words
	bktIdxDocs   = []byte("idx_docs")   // docID(4) -> date(8) + sessionID(26)
	bktIdxSdoc   = []byte("idx_sdoc")   // sessionID(26) -> docID(4)

	allBuckets = [][]byte{bktMeta, bktPeople, bktSessions, bktDrafts, bktIdxTime, bktIdxPerson, bktIdxOpen,
		bktIdxWords, bktIdxTail, bktIdxDocs, bktIdxSdoc}

	// textIndexBuckets are the search index's, rebuilt as a whole.
	textIndexBuckets = [][]byte{bktIdxWords, bktIdxTail, bktIdxDocs, bktIdxSdoc}

	metaApp     = []byte("app")
	metaSchema  = []byte("schema")
	metaCreated = []byte("created")
	appName     = "attend"
)

const (
	idLen      = 26 // a coach.NewID ULID
	dateLen    = 8
	timeKeyLen = dateLen + idLen
)

// dateBytes encodes a calendar day as 8 big-endian bytes, days since
// 1970-01-01 with the sign bit flipped, so that byte order is date order.
func dateBytes(d coach.Date) [dateLen]byte {
	days := d.Time().Unix() / 86400
	var b [dateLen]byte
	binary.BigEndian.PutUint64(b[:], uint64(days)^(1<<63))
	return b
}

func dateFromBytes(b []byte) coach.Date {
	days := int64(binary.BigEndian.Uint64(b) ^ (1 << 63))
	return coach.DateOf(time.Unix(days*86400, 0).UTC())
}

// timeKey is the idx_time key: date then session id.
func timeKey(d coach.Date, sessionID string) []byte {
	db := dateBytes(d)
	k := make([]byte, 0, timeKeyLen)
	k = append(k, db[:]...)
	return append(k, sessionID...)
}

// personKey is the idx_person key: person id then the idx_time key.
func personKey(personID string, d coach.Date, sessionID string) []byte {
	k := make([]byte, 0, idLen+timeKeyLen)
	k = append(k, personID...)
	return append(k, timeKey(d, sessionID)...)
}

// Records: every value is a JSON object with "v". Embedding flattens the
// domain struct's fields beside it.

type personRecord struct {
	V int `json:"v"`
	coach.Person
}

type sessionRecord struct {
	V int `json:"v"`
	coach.Session
}

type summaryRecord struct {
	V int `json:"v"`
	coach.Summary
}

func encode(v any) ([]byte, error) { return json.Marshal(v) }

// encodePerson and encodeSession decode what they made before returning
// it: attend never writes a record it could not read back (a hand-built
// coach.Date such as 31 February encodes, but does not decode).
func encodePerson(p coach.Person) ([]byte, error) {
	for _, d := range []coach.Date{p.LastSession, p.NextSession} {
		if err := d.Check(); err != nil {
			return nil, err
		}
	}
	raw, err := encodePersonBinary(p)
	if err == nil {
		_, _, err = decodePersonBinary(raw)
	}
	return raw, err
}

func encodeSession(s coach.Session) ([]byte, error) {
	raw, err := encodeSessionJSON(s)
	if err != nil {
		return nil, err
	}
	return zip(raw), nil
}

// encodeValidSession is encodeSession for a session about to be saved,
// checked by coach.Session.Validate instead of by decoding it again: what
// Validate passes decodes. Its dates are calendar dates in years 1 to 9999
// (Date.Check), which is what a hand-built Date can get wrong; its times
// encode only as RFC 3339, which decodes; everything else is text,
// numbers and booleans (TestValidSessionsDecode). A draft, which need not
// pass Validate, is still decoded again (encodeSession).
func encodeValidSession(s coach.Session) ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	raw, err := encode(sessionRecord{V: RecordVersion, Session: s})
	if err != nil {
		return nil, err
	}
	return zip(raw), nil
}

// encodeSessionJSON is the record's JSON, uncompressed, checked to decode.
func encodeSessionJSON(s coach.Session) ([]byte, error) {
	raw, err := encode(sessionRecord{V: RecordVersion, Session: s})
	if err == nil {
		_, err = decodeSession(raw)
	}
	return raw, err
}

func encodeSummary(s coach.Summary) ([]byte, error) {
	return encodeSummaryBinary(s), nil
}

// checkVersion reads only "v" and refuses a missing, bad or newer one.
func checkVersion(what string, v int) error {
	switch {
	case v > RecordVersion:
		return &VersionError{What: what, Found: v, Supported: RecordVersion}
	case v < 1:
		return fmt.Errorf("%s has no record version", what)
	}
	return nil
}

// decodeSession decodes a stored session or draft. It never panics, whatever
// the bytes (see FuzzDecodeSession). A record written before the three
// parts (version 2 or 1) is read into them, as the upgrade to schema 3
// does (coach.LegacyParts), so no reader ever sees it half-understood.
func decodeSession(b []byte) (coach.Session, error) { return decodeSessionSharing(nil, b, promptIDs()) }

// decodeOneSession is decodeSession for a session read on its own (attend
// show, a session opened): its answer keys and words are copied, not
// shared with other sessions (promptIDs), as there are none to share
// with, and making the table of them was most of reading one session.
func decodeOneSession(b []byte) (coach.Session, error) { return decodeSessionSharing(nil, b, nil) }

// decodeSessionInto is decodeSession opening a compressed value into
// *scratch, which it keeps for the next call (nothing decoded points
// into it).
func decodeSessionInto(scratch *[]byte, b []byte) (coach.Session, error) {
	return decodeSessionSharing(scratch, b, promptIDs())
}

// decodeSessionSharing is decodeSessionInto with the strings decoded
// sessions share (see jdec.shared).
func decodeSessionSharing(scratch *[]byte, b []byte, share map[string]string) (coach.Session, error) {
	zipped := len(b) > 0 && b[0] == zipFormat
	var into []byte
	if scratch != nil {
		into = *scratch
	}
	b, err := unzipInto(into, b)
	if err != nil {
		return coach.Session{}, err
	}
	if zipped && scratch != nil {
		*scratch = b
	}
	// Every record this attend writes starts {"v":3, (json.Marshal puts
	// the version first): then there is no need to read the version twice.
	if !bytes.HasPrefix(b, []byte(`{"v":3,`)) {
		var head struct {
			V int `json:"v"`
		}
		if err := json.Unmarshal(b, &head); err != nil {
			return coach.Session{}, fmt.Errorf("session record is not valid JSON: %w", err)
		}
		if head.V > 0 && head.V < 3 {
			return decodeLegacySession(b)
		}
	}
	var r sessionRecord
	if !decodeSessionRecordSharing(b, &r, share) { // not as json.Marshal writes it
		r = sessionRecord{}
		if err := json.Unmarshal(b, &r); err != nil {
			return coach.Session{}, fmt.Errorf("session record is not valid JSON: %w", err)
		}
	}
	if err := checkVersion("session "+r.ID, r.V); err != nil {
		return coach.Session{}, err
	}
	return r.Session, nil
}

// legacySessionRecord is a session as record versions 1 and 2 held it: one
// map of answers, and the record's text.
type legacySessionRecord struct {
	sessionRecord
	Answers map[string]coach.Answer `json:"answers"`
	Text    json.RawMessage         `json:"record"` // a string; an object in the three parts' layout
}

func decodeLegacySession(b []byte) (coach.Session, error) {
	var r legacySessionRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return coach.Session{}, fmt.Errorf("session record is not valid JSON: %w", err)
	}
	if err := checkVersion("session "+r.ID, r.V); err != nil {
		return coach.Session{}, err
	}
	sess := r.Session
	var text string
	if len(r.Text) > 0 && r.Text[0] == '{' {
		// Already in three parts (as tests that downgrade a file write it).
		if err := json.Unmarshal(r.Text, &sess.Record); err != nil {
			return coach.Session{}, fmt.Errorf("session record is not valid JSON: %w", err)
		}
		if len(r.Answers) == 0 {
			return sess, nil
		}
	} else if len(r.Text) > 0 && string(r.Text) != "null" {
		if err := json.Unmarshal(r.Text, &text); err != nil {
			return coach.Session{}, fmt.Errorf("session record is not valid JSON: %w", err)
		}
	}
	prep, rec := coach.LegacyParts(r.Answers, text)
	for id, a := range prep {
		sess.SetPartAnswer(coach.PartPrep, id, a)
	}
	for id, a := range rec {
		sess.SetPartAnswer(coach.PartRecord, id, a)
	}
	return sess, nil
}

// decodePerson decodes a stored person: binary (schema 6), or the JSON
// of schema 5 and before. It never panics, whatever the bytes.
func decodePerson(b []byte) (coach.Person, error) {
	p, _, err := decodePersonFolded(b)
	return p, err
}

// decodePersonFolded is decodePerson with the name folded (coach.Fold):
// stored in a binary person, folded here for JSON.
func decodePersonFolded(b []byte) (coach.Person, string, error) {
	if len(b) > 0 && b[0] == personFormat {
		return decodePersonBinary(b)
	}
	p, err := decodePersonJSON(b)
	return p, coach.Fold(p.Name), err
}

func decodePersonJSON(b []byte) (coach.Person, error) {
	var r personRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return coach.Person{}, fmt.Errorf("person record is not valid JSON: %w", err)
	}
	if err := checkVersion("person "+r.ID, r.V); err != nil {
		return coach.Person{}, err
	}
	return r.Person, nil
}

func decodeSummary(b []byte) (coach.Summary, error) {
	if len(b) > 0 && b[0] == summaryFormat {
		return decodeSummaryBinary(b)
	}
	var r summaryRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return coach.Summary{}, fmt.Errorf("summary record is not valid JSON: %w", err)
	}
	if err := checkVersion("summary "+r.ID, r.V); err != nil {
		return coach.Summary{}, err
	}
	return r.Summary, nil
}

// draftHead is the little SaveDraft, SaveSession and Drafts need from a
// draft, decoded without building its answers.
type draftHead struct {
	V       int       `json:"v"`
	ID      string    `json:"id"`
	Updated time.Time `json:"updated"`
	Writer  string    `json:"writer,omitempty"`
}

func decodeDraftHead(b []byte) (draftHead, error) {
	var h draftHead
	b, err := unzip(b)
	if err != nil {
		return h, err
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return h, fmt.Errorf("draft record is not valid JSON: %w", err)
	}
	return h, checkVersion("draft "+h.ID, h.V)
}

// txBuckets gives the buckets of a transaction. The record buckets and
// the indexes with values are seen through the Store's sealer (values
// sealed in an encrypted file); meta and idx_person (ids and dates only,
// empty values) are plain.
type txBuckets struct {
	meta, idxPerson, idxDocs, idxSdoc                             *bbolt.Bucket
	people, sessions, drafts, idxTime, idxOpen, idxWords, idxTail vbucket
}

var errMissingBucket = errors.New("a bucket is missing")

// fillPercent is how full bbolt fills a page before it splits it, in the
// buckets whose keys are only ever added at the end (idx_docs, idx_tail).
const fillPercent = 0.9

// bucketsOf returns the buckets, or an error naming one that is missing
// (every attend file has all of them from creation). c is the sealer, nil
// for an unencrypted file.
func bucketsOf(tx *bbolt.Tx, c *sealer) (txBuckets, error) {
	raw := make([]*bbolt.Bucket, len(allBuckets))
	for i, name := range allBuckets {
		if raw[i] = tx.Bucket(name); raw[i] == nil {
			return txBuckets{}, fmt.Errorf("%w: %s", errMissingBucket, name)
		}
	}
	// Doc ids only ever count up: fill their pages (bbolt's default of
	// half suits the other buckets, whose keys arrive in no order).
	raw[9].FillPercent, raw[8].FillPercent = fillPercent, fillPercent
	// An unencrypted file's values carry checksums from schema 5 on. The
	// schema in the file says which: migrations before 5 see the values
	// as they were, and migrateV4 adds the checksums last.
	sum := c == nil && schemaAtLeast(raw[0], sumSchema)
	vb := func(i int) vbucket { return newVbucket(raw[i], allBuckets[i], c, sum) }
	return txBuckets{
		meta: raw[0], people: vb(1), sessions: vb(2), drafts: vb(3), idxTime: vb(4), idxPerson: raw[5],
		idxOpen: vb(6), idxWords: vb(7), idxTail: vb(8), idxDocs: raw[9], idxSdoc: raw[10],
	}, nil
}

// sumSchema is the first schema whose unencrypted values carry checksums.
const sumSchema = 5

// schemaAtLeast reports whether the meta bucket's schema is v or later.
func schemaAtLeast(meta *bbolt.Bucket, v int) bool {
	n, err := strconv.Atoi(string(meta.Get(metaSchema)))
	return err == nil && n >= v
}

// readSchema reads the meta bucket: errNotOurs if this is not attend's file.
var errNotOurs = errors.New("no attend meta")

func readSchema(tx *bbolt.Tx) (int, error) {
	m := tx.Bucket(bktMeta)
	if m == nil || string(m.Get(metaApp)) != appName {
		return 0, errNotOurs
	}
	raw := m.Get(metaSchema)
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return 0, said("store.rec.schema", "Raw", fmt.Sprintf("%q", raw))
	}
	return v, nil
}

// initTx creates every bucket and the meta of a new file.
func initTx(tx *bbolt.Tx, now time.Time) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	m := tx.Bucket(bktMeta)
	for k, v := range map[string]string{
		string(metaApp):     appName,
		string(metaSchema):  strconv.Itoa(schemaTarget),
		string(metaCreated): now.UTC().Format(time.RFC3339),
	} {
		if err := m.Put([]byte(k), []byte(v)); err != nil {
			return err
		}
	}
	return nil
}

// migrateTx runs every pending migration from schema `from` and records the
// new version. It runs inside the caller's single Update.
func (s *Store) migrateTx(tx *bbolt.Tx, from int) error {
	// Every migration sees every bucket of this schema (bucketsOf needs
	// them); the last one fills those that are new.
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	for v := from; v < schemaTarget; v++ {
		m := migrations[v]
		if m == nil {
			return said("store.upgrade.none", "Version", v)
		}
		if err := m(tx, s); err != nil {
			return saidWrap{said("store.upgrade.step", "From", v, "To", v+1, "Err", err), err}
		}
	}
	return tx.Bucket(bktMeta).Put(metaSchema, []byte(strconv.Itoa(schemaTarget)))
}
