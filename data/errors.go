package data

import (
	"attend/coach"
	"attend/coach/msg"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	berrors "go.etcd.io/bbolt/errors"
)

// The kinds of failure a caller may want to tell apart. Every error the store
// returns for one of these is an *Error whose Kind is the sentinel, so
// errors.Is(err, data.ErrLocked) works, and errors.As(err, &e) gives the
// path and a message written for the manager: what is wrong, then what to do.
var (
	// ErrLocked: another attend has the file open and did not let go in time.
	ErrLocked = errors.New("database in use by another attend")
	// ErrNotAttend: the file is not an attend database (not bbolt at all, or
	// a bbolt file without attend's meta).
	ErrNotAttend = errors.New("not an attend database")
	// ErrEmptyFile: the file is 0 bytes. attend never silently initialises it.
	ErrEmptyFile = errors.New("database file is empty")
	// ErrCorrupt: checksum failure, truncation, or a record that cannot be read.
	ErrCorrupt = errors.New("database damaged")
	// ErrNewerSchema: the file, or one record in it, was written by a newer attend.
	ErrNewerSchema = errors.New("database written by a newer attend")
	// ErrNoDatabase: there is no file at the path (read-only open, or the
	// file disappeared while attend was running).
	ErrNoDatabase = errors.New("no database yet")
	// ErrNotFound: no person or session with that id.
	ErrNotFound = errors.New("not found")
	// ErrAmbiguous: an id prefix matches more than one session.
	ErrAmbiguous = errors.New("ambiguous id")
	// ErrClosed: the Store was closed.
	ErrClosed = errors.New("database closed")
	// ErrReadOnly: the Store was opened read-only, or the file needs an
	// upgrade that a read-only open cannot do.
	ErrReadOnly = errors.New("database opened read-only")
	// ErrInvalid: a record given to the store breaks the rules (bad id, a
	// rating out of range, an empty name). Nothing was written.
	ErrInvalid = errors.New("invalid record")
	// ErrPermission: the operating system refused access to the file or folder.
	ErrPermission = errors.New("permission denied")
	// ErrDiskFull: the disk is full (or over quota). Nothing was written.
	ErrDiskFull = errors.New("disk full")
	// ErrNeedPassphrase: the file is encrypted and no passphrase was given
	// (or it was encrypted by another attend after this Store opened it).
	ErrNeedPassphrase = errors.New("database is encrypted: passphrase needed")
	// ErrWrongPassphrase: the passphrase does not open the file. Nothing was changed.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrAlreadyEncrypted: Encrypt was asked to encrypt an encrypted file.
	ErrAlreadyEncrypted = errors.New("database already encrypted")
	// ErrNotEncrypted: ChangePassphrase was asked about an unencrypted file.
	ErrNotEncrypted = errors.New("database not encrypted")
	// ErrBackup: a backup could not be written, or did not read back
	// whole; the database itself is as it was.
	ErrBackup = errors.New("backup not written")
	// ErrAgreed: the session's record was agreed with the staff member and
	// is read-only; corrections are dated addenda (AddAddendum).
	ErrAgreed = coach.ErrRecordAgreed
)

// Error is a store failure with a message written for the person at the
// keyboard. It matches its Kind and its underlying cause with errors.Is.
type Error struct {
	Kind error  // one of the Err* sentinels above
	Path string // the database file concerned ("" if none)
	Msg  string // full plain-language message
	Err  error  // underlying cause, if any

	// said is the message in the catalogue (coach/msg, ids store.…), for
	// Text; nil for a message only in English.
	said coach.Texter

	// damage: the file itself was found damaged (not merely replaced
	// while attend ran), so the Store refuses to write to it from now on.
	damage bool
}

func (e *Error) Error() string { return e.Msg }

// Text is the message in l: the same words as Error in English. A message
// not yet in the catalogue is English in every language.
func (e *Error) Text(l *msg.Lang) string {
	if e.said == nil {
		return e.Msg
	}
	return e.said.Text(l)
}

// Unwrap exposes both the kind and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	out := []error{e.Kind}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// saidErr is an error of kind about path, caused by cause, with its
// message from the catalogue: the message id and its key and value pairs.
func saidErr(kind error, path string, cause error, id string, kv ...any) *Error {
	said := &coach.Said{ID: id, Args: kv}
	return &Error{Kind: kind, Path: path, Msg: said.Error(), Err: cause, said: said}
}

// textErr is saidErr with its message said by t, in English and in any
// language.
func textErr(kind error, path string, cause error, t coach.Texter) *Error {
	return &Error{Kind: kind, Path: path, Msg: t.Error(), Err: cause, said: t}
}

// chainText is err said in a language as coach.ErrorText says it: each
// error in its chain that can say itself does; its English is err's.
type chainText struct{ err error }

func (c chainText) Error() string           { return c.err.Error() }
func (c chainText) Text(l *msg.Lang) string { return coach.ErrorText(l, c.err) }

// saidWrap is a message of the catalogue that wraps err, as fmt.Errorf's
// %w would: errors.Is and errors.As see err through it.
type saidWrap struct {
	*coach.Said
	err error
}

func (w saidWrap) Unwrap() error { return w.err }

// causeText is why a record or the file cannot be read, said in a
// language (dataText); its English is err's.
type causeText struct{ err error }

func (c causeText) Error() string           { return c.err.Error() }
func (c causeText) Text(l *msg.Lang) string { return dataText(l, c.err) }

// detailText is what exactly is damaged, as the code that found it wrote
// it in English; in another language its words are the catalogue's
// (damageDetails), and the numbers and values it quotes and any detail
// from bbolt stay as they are.
type detailText string

func (d detailText) Error() string { return string(d) }

func (d detailText) Text(l *msg.Lang) string {
	if l == nil || l.Code == "en" {
		return string(d)
	}
	for _, dd := range damageDetails() {
		if m := dd.re.FindStringSubmatch(string(d)); m != nil {
			kv := []any{}
			for i, name := range dd.re.SubexpNames() {
				switch name {
				case "":
				case "Err": // a reason a record does not open
					kv = append(kv, name, dataText(l, errors.New(m[i])))
				default:
					kv = append(kv, name, m[i])
				}
			}
			return l.T(dd.id, kv...)
		}
	}
	return dataText(l, errors.New(string(d)))
}

// damageDetails are the sentences that say what exactly is damaged, by
// catalogue id: each pattern's named groups fill in the message's blanks.
var damageDetails = sync.OnceValue(func() []struct {
	re *regexp.Regexp
	id string
} {
	return []struct {
		re *regexp.Regexp
		id string
	}{
		{regexp.MustCompile(`^both header pages are damaged$`), "store.detail.headers"},
		{regexp.MustCompile(`^the file is cut short: (?P<Size>[0-9]+) bytes, but its header says (?P<Used>[0-9]+) are in use$`), "store.detail.short"},
		{regexp.MustCompile(`^attend could not read it safely: (?P<Why>.*)$`), "store.detail.unsafe"},
		{regexp.MustCompile(`^an index key has the wrong length$`), "store.detail.indexkey"},
		{regexp.MustCompile(`^an open-action index key has the wrong length$`), "store.detail.openkey"},
		{regexp.MustCompile(`^a search index entry has the wrong length$`), "store.detail.searchentry"},
		{regexp.MustCompile(`^the search index cannot be read: (?P<Err>.*)$`), "store.detail.search"},
		{regexp.MustCompile(`^the retention setting (?P<Raw>".*") is not a number of years$`), "store.detail.retention"},
		// bbolt's own consistency check (tx_check.go), as it writes them;
		// the page numbers, keys and stacks stay as bbolt gives them.
		{regexp.MustCompile(`^page (?P<Page>[0-9]+): already freed$`), "store.bbolt.freed"},
		{regexp.MustCompile(`^page (?P<Page>[0-9]+): unreachable unfreed$`), "store.bbolt.unreachable"},
		{regexp.MustCompile(`^page (?P<Page>[0-9]+): reachable freed$`), "store.bbolt.reachable"},
		{regexp.MustCompile(`^page ID \((?P<Page>[0-9]+)\) out of range (?P<Range>\[.*\))$`), "store.bbolt.range"},
		{regexp.MustCompile(`^page (?P<Page>[0-9]+): out of bounds: (?P<Max>[0-9]+) \(stack: (?P<Stack>.*)\)$`), "store.bbolt.bounds"},
		{regexp.MustCompile(`^page (?P<Page>[0-9]+): multiple references \(stack: (?P<Stack>.*)\)$`), "store.bbolt.multiple"},
		{regexp.MustCompile(`^page (?P<Page>[0-9]+): invalid type: (?P<Type>\S+) \(stack: (?P<Stack>.*)\)$`), "store.bbolt.type"},
		{regexp.MustCompile(`^unexpected page type \(flags: (?P<Flags>[0-9a-f]+)\) for pgId:(?P<Page>[0-9]+)$`), "store.bbolt.flags"},
		{regexp.MustCompile(`^(the first )?key\[(?P<Index>[0-9]+)\]=\(hex\)(?P<Key>\S*) on (?P<Kind>\S+) page\((?P<Page>[0-9]+)\) needs to be .*$`), "store.bbolt.order"},
	}
})

// recordFaults are the reasons a record does not open, by the catalogue
// ids of their words.
var recordFaults = []struct {
	err error
	id  string
}{
	{errNoSum, "store.rec.nosum"},
	{errBadSum, "store.rec.badsum"},
	{errZip, "store.rec.zip"},
	{errSummary, "store.rec.summary"},
	{errPerson, "store.rec.person"},
	{errOpenRecord, "store.rec.open"},
	{errIndexValue, "store.rec.index"},
	{errNotSealed, "store.rec.notsealed"},
	{errUnsealed, "store.rec.unsealed"},
	{errMissingBucket, "store.rec.nobucket"},
}

// recordSentences find the words the decoders wrap a record's fault in
// ("session record is not valid JSON: …", "person 01J… has no record
// version").
var recordSentences = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(session|person|summary|draft) record is not valid JSON|\b((?:session|person|summary|draft)(?: [0-9A-Za-z]+)?) has no record version`)
})

// dataText is err in l, as coach.ErrorText says it, with the reasons a
// record does not open said in l too (a checksum that does not match, a
// record that is not valid JSON and where, a record with no version); a
// detail it has no words for (bbolt's own) stays as it is.
func dataText(l *msg.Lang, err error) string {
	text := coach.ErrorText(l, err)
	if l == nil || l.Code == "en" {
		return text
	}
	for _, f := range recordFaults { // by their words: a detail written out holds them too
		text = strings.ReplaceAll(text, f.err.Error(), l.T(f.id))
	}
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		text = strings.Replace(text, syntax.Error(), coach.ErrorText(l, coach.JSONWhy(syntax)), 1)
	}
	return recordSentences().ReplaceAllStringFunc(text, func(s string) string {
		m := recordSentences().FindStringSubmatch(s)
		if m[1] != "" {
			return l.T("store.rec.json", "What", l.T("store.record."+m[1]))
		}
		return said("store.rec.noversion", "What", recordWhat(m[2])).Text(l)
	})
}

// VersionError reports data written by a newer attend: the whole file
// (What "database") or one record ("session 01J…"). It matches ErrNewerSchema.
type VersionError struct {
	What      string
	Found     int
	Supported int
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("%s was written by a newer attend (data version %d; this attend reads up to %d): update attend to open it",
		e.What, e.Found, e.Supported)
}

// Text is the message in l, with what was written named in l too
// ("sesiwn 01J…"); a path stays as it is.
func (e *VersionError) Text(l *msg.Lang) string {
	return (&coach.Said{ID: "store.newer", Args: []any{"What", recordWhat(e.What), "Found", e.Found, "Supported", e.Supported}}).Text(l)
}

// recordWhat is what a VersionError names, as a message when it is a
// record ("session 01J…", "the encryption record"); a path as it is.
func recordWhat(what string) any {
	for _, kind := range []string{"session", "person", "summary", "draft", "open action"} {
		if id, ok := strings.CutPrefix(what, kind); ok && (id == "" || id[0] == ' ') {
			if id == "" {
				return said("store.record." + strings.ReplaceAll(kind, " ", ""))
			}
			return said("store.record."+strings.ReplaceAll(kind, " ", "")+".id", "ID", id[1:])
		}
	}
	if what == "the encryption record" {
		return said("store.record.crypto")
	}
	return what
}

// Is makes errors.Is(err, ErrNewerSchema) true.
func (e *VersionError) Is(target error) bool { return target == ErrNewerSchema }

// Message helpers, so each kind is worded the same way everywhere.

// errNotAttend is the file at path found not to be attend's. With no cause
// (its header pages say nothing bbolt can read), a file that still holds
// attend's bucket names, or bbolt's pages past the headers, is damaged, not
// someone else's: "not an attend database" could lead a manager to delete
// the one copy of their records, where check and a backup may save them.
func errNotAttend(path string, cause error) *Error {
	if cause == nil && headersLost(path) {
		return errCorrupt(path, nil, said("store.detail.headerslost"))
	}
	return saidErr(ErrNotAttend, path, cause, "store.notattend", "Path", path)
}

// headersLost reports whether the file at path, whose header pages bbolt
// cannot read, looks like a bbolt file all the same: a whole number of
// pages, and past the two header pages either attend's own bucket names
// (plain text in bbolt, encrypted file or not) or a page that names itself
// by its place, as bbolt's branch, leaf and freelist pages do.
func headersLost(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	size := fi.Size()
	for _, ps := range []int64{4096, 16384, 65536} {
		if size < 4*ps || size%ps != 0 {
			continue
		}
		hdr := make([]byte, 16)
		for n := int64(2); n < min(size/ps, 64); n++ {
			if _, err := f.ReadAt(hdr, n*ps); err != nil {
				break
			}
			id := binary.LittleEndian.Uint64(hdr[0:8])
			flags := binary.LittleEndian.Uint16(hdr[8:10])
			if id == uint64(n) && (flags == 0x01 || flags == 0x02 || flags == 0x10) {
				return true
			}
		}
	}
	if size < 4*4096 {
		return false
	}
	// attend's buckets, by name, anywhere past the headers.
	names := [][]byte{bktPeople, bktSessions, bktIdxPerson, bktIdxOpen}
	found := make([]bool, len(names))
	buf := make([]byte, 1<<20)
	const overlap = 16
	for off := int64(8192); off < size; off += int64(len(buf) - overlap) {
		n, err := f.ReadAt(buf, off)
		for i, name := range names {
			found[i] = found[i] || bytes.Contains(buf[:n], name)
		}
		if !slices.Contains(found, false) {
			return true
		}
		if err != nil {
			break
		}
	}
	return false
}

func errEmpty(path string) *Error {
	return saidErr(ErrEmptyFile, path, nil, "store.empty", "Path", path)
}

// errCorrupt is the file at path found damaged: detail says what (text,
// or a message that says itself in a language).
func errCorrupt(path string, cause error, detail any) *Error {
	said := detail
	if d, ok := detail.(string); ok {
		if cause != nil && d == cause.Error() {
			said = causeText{cause} // the detail is the cause: said in the language
		} else {
			said = detailText(d)
		}
	}
	e := saidErr(ErrCorrupt, path, cause, "store.damaged", "Path", path, "Detail", said)
	e.damage = true
	return e
}

func errNewer(path string, found, supported int) *Error {
	ve := &VersionError{What: path, Found: found, Supported: supported}
	e := saidErr(ErrNewerSchema, path, ve, "store.newer", "What", path, "Found", found, "Supported", supported)
	e.Msg = ve.Error() // the same words, whatever the catalogue says
	return e
}

func errLocked(path string, cause error, wait time.Duration) *Error {
	if h, attend := lockHolder(path); h != "" {
		id := "store.locked.attend"
		if !attend {
			id = "store.locked.other"
		}
		return saidErr(ErrLocked, path, cause, id, "Path", path, "Holder", h, "Wait", wait)
	}
	return saidErr(ErrLocked, path, cause, "store.locked", "Path", path, "Wait", wait)
}

func errClosed(path string) *Error {
	return saidErr(ErrClosed, path, nil, "store.closed", "Path", path)
}

func errReadOnly(path string) *Error {
	return saidErr(ErrReadOnly, path, nil, "store.readonly", "Path", path)
}

// errInvalid refuses a change that breaks the rules: what is the catalogue
// id of what could not be done (store.what.…, filled in from kv), cause
// why. Both are said in the language; a cause that is not in the
// catalogue (the technical detail of a record's fault) stays as it is.
func errInvalid(cause error, what string, kv ...any) *Error {
	return saidErr(ErrInvalid, "", cause, "store.invalid", "What", said(what, kv...), "Cause", cause)
}

// errBackup is a backup that could not be written (id store.backup.…) to
// dst, and the cause, said in the language.
func errBackup(id, dst string, err error) *Error {
	return saidErr(ErrBackup, dst, err, id, "Path", dst, "Err", err)
}

// said is an error of the catalogue (store.…), for a cause errInvalid
// gives: its English as it reads, and any language's words.
func said(id string, kv ...any) *coach.Said { return &coach.Said{ID: id, Args: kv} }

// osErr turns an error from the file system into a plain message naming the
// path, or returns nil if it is not one we know how to explain.
func osErr(path string, err error, writing bool) *Error {
	denied := "store.denied.read"
	if writing {
		denied = "store.denied.write"
	}
	switch {
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return saidErr(ErrDiskFull, path, err, "store.diskfull", "Path", path)
	case errors.Is(err, syscall.EROFS):
		return saidErr(ErrPermission, path, err, "store.readonlydisk", "Path", path)
	case errors.Is(err, fs.ErrPermission):
		return saidErr(ErrPermission, path, err, denied, "Path", path)
	}
	return nil
}

// classify maps an error from bbolt.Open or a transaction to one of ours.
// It may inspect the file (read-only) to tell "not attend's" from "damaged".
func (s *Store) classify(err error, writing bool) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	var ve *VersionError
	if errors.As(err, &ve) {
		return textErr(ErrNewerSchema, s.path, err, chainText{err})
	}
	path := s.path
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return errLocked(path, err, s.opt.LockTimeout)
	case errors.Is(err, errEmptyOnOpen):
		return errEmpty(path)
	case errors.Is(err, fs.ErrNotExist):
		return saidErr(ErrNoDatabase, path, err, "store.gone", "Path", path)
	}
	if oe := osErr(path, err, writing); oe != nil {
		return oe
	}
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) ||
		errors.Is(err, berrors.ErrVersionMismatch) || strings.Contains(err.Error(), "file size too small") {
		if _, herr := inspectFile(path); herr != nil {
			return herr
		}
		return errCorrupt(path, err, err.Error())
	}
	return saidWrap{said("store.cantuse", "Path", path, "Err", err), err}
}

// quoted is what was typed, quoted for a message as %q quotes it.
func quoted(s string) string { return fmt.Sprintf("%q", s) }
