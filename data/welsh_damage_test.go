package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
	"attend/coach/msg"
)

// The refusals only a damaged or half-rewritten file gives are said in
// Welsh too: each made here for real, in a file of the test's own. Their
// English is as it was.

// englishWords are words only English has; a Welsh message holding one
// (once paths, ids, bucket/key names and commands to run are taken out)
// has a string that did not go through the catalogue.
var englishWords = regexp.MustCompile(`(?i)\b(the|and|is|was|not|has|have|of|in|on|to|by|from|with|where|which|who|file|record|records|session|index|missing|damaged|points|number|value|checksum|upgrade|upgrading|failed|copy|backup|before|after|erasure|change|passphrase|interrupted|free|space|disk|full|could|cannot|valid|version|newer|written|problem|problems|structure|bucket|folder|ordinary|meeting|reflection|saved|fragments|run|then|finish)\b`)

// notWelshWords are what a Welsh message may hold in English-looking
// letters: paths, ids, a bucket and key, commands to run, and JSON.
var notWelshWords = regexp.MustCompile("(/[^\\s:,()]+)+|\\b[0-9A-Z]{10,}\\b|\\b(sessions|people|drafts|idx_[a-z]+|meta)/[^\\s:]+|`[^`]*`|attend [a-z]+|\\bJSON\\b|\\bFIFO\\b|U\\+[0-9A-F]+")

func saysWelsh(t *testing.T, what string, err error, welsh ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error", what)
	}
	cy := coach.ErrorText(msg.New("cy"), err)
	if got := coach.ErrorText(msg.New("en"), err); got != err.Error() {
		t.Errorf("%s: English changed:\n%s\nwant\n%s", what, got, err)
	}
	if strings.Contains(cy, "store.") || strings.Contains(cy, "%!") {
		t.Errorf("%s: a message id or a bad blank in Welsh:\n%s", what, cy)
	}
	if m := englishWords.FindAllString(notWelshWords.ReplaceAllString(cy, " "), -1); len(m) > 0 {
		t.Errorf("%s: English %q in Welsh:\n%s", what, m, cy)
	}
	for _, w := range welsh {
		if !strings.Contains(cy, w) {
			t.Errorf("%s: Welsh lacks %q:\n%s", what, w, cy)
		}
	}
}

// Check's findings: a record that is not JSON, one from a newer attend,
// one whose checksum fails, an index entry missing, a count wrong.
func TestCheckFindingsInWelsh(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	ann := mustPerson(t, s, "Ann")
	all := fill(t, s, []coach.Person{ann}, 5)
	broken, future, unindexed, flipped := all[0].ID, all[1].ID, all[2].ID, all[3].ID
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		putRaw(tx, bktSessions, []byte(broken), []byte(`{"v":1,"id":"`+broken+`", "answers": {`))
		putRaw(tx, bktSessions, []byte(future), []byte(`{"v":7,"id":"`+future+`"}`))
		b := tx.Bucket(bktSessions)
		v := append([]byte(nil), b.Get([]byte(flipped))...)
		v[len(v)-1] ^= 0xff
		if err := b.Put([]byte(flipped), v); err != nil {
			return err
		}
		return tx.Bucket(bktIdxTime).Delete(timeKey(all[2].Date, unindexed))
	})
	err := s.Check()
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Check: %v", err)
	}
	for _, want := range []string{
		"sessions/" + broken + ": session record is not valid JSON: unexpected end of JSON input",
		"sessions/" + future + ": session " + future + " was written by a newer attend",
		"sessions/" + flipped + ": the value does not match its checksum",
		"sessions/" + unindexed + ": missing from the index by date",
		"Make a copy of the file before changing anything",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("English lacks %q:\n%s", want, err)
		}
	}
	saysWelsh(t, "check", err,
		"mae gan "+path+" 14 o broblemau:\n",
		"sessions/"+broken+": dydy'r cofnod sesiwn ddim yn JSON dilys: mae'r JSON yn dod i ben yn rhy gynnar",
		"sessions/"+future+": ysgrifennwyd sesiwn "+future+" gan attend mwy newydd",
		"sessions/"+flipped+": dydy'r gwerth ddim yn cyfateb i'w swm gwirio",
		"sessions/"+unindexed+": ar goll o'r mynegai yn ôl dyddiad",
		"idx_person/"+unindexed+": does dim cofnod ar ei gyfer yn y mynegai yn ôl dyddiad",
		"Gwnewch gopi o'r ffeil cyn newid dim")

	// Reading the newer record, and the damaged one, refuses in Welsh too.
	_, err = s.Session(future)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Session(newer): %v", err)
	}
	saysWelsh(t, "a record from a newer attend", err, "yn "+path+", ysgrifennwyd sesiwn "+future+" gan attend mwy newydd")
	_, err = s.Session(broken)
	saysWelsh(t, "a record that is not JSON", err, "dydy'r cofnod sesiwn ddim yn JSON dilys")
}

// A person's count that the index does not bear out, said with its numbers.
func TestCheckCountInWelsh(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	ann := mustPerson(t, s, "Ann")
	all := fill(t, s, []coach.Person{ann}, 2)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(bktIdxPerson).Delete(personKey(ann.ID, all[0].Date, all[0].ID))
	})
	err := s.Check()
	if err == nil || !strings.Contains(err.Error(), "says 2 sessions, the index holds 1") {
		t.Fatalf("Check: %v", err)
	}
	saysWelsh(t, "a count", err, "people/"+ann.ID+": mae'n dweud 2 sesiwn, ac mae'r mynegai'n dal 1", "ar goll o'r mynegai yn ôl person")
}

// An erase whose rewrite cannot be done: the erase says so, check says a
// rewrite is pending, and an open that tries to finish it and cannot says
// what happened, each in Welsh.
func TestPendingRewriteInWelsh(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	gone := mustPerson(t, s, "Siân Ŵyn")
	if _, err := s.SaveSession(prep(s, gone, day(2026, 10, 1), "Nodyn")); err != nil {
		t.Fatal(err)
	}
	failRewrites(t)
	_, err := s.Erase(gone.ID)
	if !errors.Is(err, ErrNotCompacted) {
		t.Fatalf("Erase: %v", err)
	}
	saysWelsh(t, "an erase not rewritten", err, "cadwyd y newid i "+path, "(mae'r ddisg yn llawn)", "rhyddhewch rywfaint o le ar y ddisg")
	s.Close()

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = ro.Check()
	ro.Close()
	if !errors.Is(err, ErrNotCompacted) || !strings.HasPrefix(err.Error(), path+" has 1 problem:\n  an erasure saved ") {
		t.Fatalf("Check: %v", err)
	}
	saysWelsh(t, "check, a rewrite pending", err, "mae gan "+path+" 1 broblem:\n  torrwyd ar draws un dilead a gadwyd ", "darnau o'r cofnodion a ddilëwyd")

	_, err = Open(path, Options{})
	if !errors.Is(err, ErrNotCompacted) {
		t.Fatalf("Open: %v", err)
	}
	saysWelsh(t, "a pending rewrite that could not finish", err, "torrwyd ar draws un dilead a gadwyd", "Ceisiodd attend orffen hynny nawr", "(mae'r ddisg yn llawn)")
}

// Anything but an ordinary file as the database is refused in Welsh.
func TestNotAnOrdinaryFileInWelsh(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, Options{})
	if !errors.Is(err, ErrNotAttend) || !strings.Contains(err.Error(), "is a folder, not an attend database") {
		t.Fatalf("Open(folder): %v", err)
	}
	saysWelsh(t, "a folder", err, "mae "+dir+" yn ffolder, nid cronfa ddata attend")
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipe here: %v", err)
	}
	_, err = Open(fifo, Options{})
	saysWelsh(t, "a named pipe", err, "mae "+fifo+" yn bibell a enwir (FIFO)")
}

// SavePart takes only the parts written after the meeting; its refusal
// named a catalogue id in English ("store.what.parts: …").
func TestSavePartRefusalInWelsh(t *testing.T) {
	s := openTest(t, testPath(t))
	ann := mustPerson(t, s, "Ann")
	sess, err := s.SaveSession(prep(s, ann, day(2026, 10, 1), "x"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SavePart(sess.ID, sess, coach.PartPrep, nil, nil)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("SavePart(prep): %v", err)
	}
	if want := "cannot save what is written after the meeting: only the meeting record or your reflection are written after the meeting (nothing was saved)"; err.Error() != want {
		t.Errorf("English: %q, want %q", err, want)
	}
	saysWelsh(t, "SavePart(prep)", err, "dim ond cofnod y cyfarfod neu eich myfyrdod")
}

// An upgrade whose backup cannot be written, and one that fails and is
// undone, say so in Welsh.
func TestUpgradeNotesInWelsh(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	mustPerson(t, s, "Ann")
	s.Close()
	older := func(v int) {
		rawUpdate(t, path, func(tx *bbolt.Tx) error {
			return tx.Bucket(bktMeta).Put(metaSchema, []byte(fmt.Sprint(v)))
		})
	}
	// The backup's name is where a folder already is.
	older(5)
	stamp := newClock().Now().UTC().Format("20060102T150405Z")
	bak := fmt.Sprintf("%s.bak-v5-%s", path, stamp)
	if err := os.Mkdir(bak, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{Now: newClock().Now})
	if err == nil || !strings.HasPrefix(err.Error(), "before upgrading "+path+" attend makes a backup copy, and that failed, so nothing was changed: ") {
		t.Fatalf("Open with no room for the backup: %v", err)
	}
	saysWelsh(t, "an upgrade with no backup", err, "cyn uwchraddio "+path+" mae attend yn gwneud copi wrth gefn, a methodd hynny")
	os.Remove(bak)

	// A bucket where the upgrade from 4 expects records: undone.
	older(4)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		_, err := tx.Bucket(bktPeople).CreateBucket([]byte("nested"))
		return err
	})
	_, err = Open(path, Options{Now: newClock().Now})
	if err == nil || !strings.Contains(err.Error(), "failed and was undone (a copy from before is at "+path+".bak-v4-") ||
		!strings.HasSuffix(err.Error(), "upgrading data version 4 to 5: people/nested is a bucket where a record was expected") {
		t.Fatalf("Open with a bucket in people: %v", err)
	}
	saysWelsh(t, "an upgrade undone", err, "methodd uwchraddio "+path+" a chafodd ei ddadwneud", "wrth uwchraddio fersiwn data 4 i 5: mae people/nested yn fwced lle roedd disgwyl cofnod")
}

// A file cut short, and one whose header pages are both damaged: what
// exactly is damaged is said in Welsh, the numbers as they are.
func TestDamageDetailInWelsh(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	fill(t, s, []coach.Person{mustPerson(t, s, "Ann")}, 30)
	s.Close()
	whole := readFile(t, path)

	cut := filepath.Join(t.TempDir(), "cut.db")
	if err := os.WriteFile(cut, whole[:len(whole)/3], 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(cut, Options{ReadOnly: true})
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "(the file is cut short: ") {
		t.Fatalf("a file cut short: %v", err)
	}
	saysWelsh(t, "a file cut short", err, "wedi'i difrodi (mae'r ffeil wedi'i thorri'n fyr: ", " beit, ond mae ei phennyn yn dweud bod ")

	heads := filepath.Join(t.TempDir(), "heads.db")
	broken := append([]byte(nil), whole...)
	for _, page := range []int{0, 4096} {
		for i := page + 32; i < page+64; i++ {
			broken[i] ^= 0xff // inside each meta page, past bbolt's magic and version
		}
	}
	if err := os.WriteFile(heads, broken, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(heads, Options{ReadOnly: true})
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "(both header pages are damaged)") {
		t.Fatalf("both headers damaged: %v", err)
	}
	saysWelsh(t, "both headers damaged", err, "(mae'r ddwy dudalen bennyn wedi'u difrodi)")
}

// A key record that is damaged, or from a newer attend, is refused in
// Welsh: what is wrong with it is said in Welsh, the values it names as
// they are.
func TestCryptoRecordFaultsInWelsh(t *testing.T) {
	for _, c := range []struct{ raw, english, welsh string }{
		{`{`, "the encryption record is not valid JSON: unexpected end of JSON input", "dydy cofnod yr amgryptio ddim yn JSON dilys: mae'r JSON yn dod i ben yn rhy gynnar"},
		{`{"v":1,"kdf":"md5"}`, `the encryption record names key derivation "md5", not `, `mae cofnod yr amgryptio yn enwi ffordd deillio allwedd "md5", nid `},
		{`{"v":0}`, "the encryption record has no version", "does gan gofnod yr amgryptio ddim fersiwn"},
		{`{"v":99}`, "was encrypted by a newer attend (the encryption record was written by a newer attend (data version 99", "gan attend mwy newydd (ysgrifennwyd cofnod yr amgryptio gan attend mwy newydd (fersiwn data 99"},
	} {
		path := testPath(t)
		s := openTest(t, path)
		mustPerson(t, s, "Ann")
		s.Close()
		rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bktMeta).Put(metaCrypto, []byte(c.raw)) })
		_, err := Open(path, Options{ReadOnly: true})
		if err == nil || !strings.Contains(err.Error(), c.english) {
			t.Fatalf("%s: %v", c.raw, err)
		}
		saysWelsh(t, c.raw, err, c.welsh)
	}
}

// A database that cannot be created says why in Welsh.
func TestCannotCreateInWelsh(t *testing.T) {
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("no /proc here, where no folder can be made")
	}
	dir := "/proc/nid-yma"
	_, err := Open(filepath.Join(dir, "attend.db"), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "cannot create the folder "+dir+": ") {
		t.Fatalf("Open: %v", err)
	}
	saysWelsh(t, "a folder that cannot be made", err, "alla i ddim creu'r ffolder "+dir+": ")
	_, err = Open("", Options{})
	saysWelsh(t, "no path", err, "dim llwybr cronfa ddata wedi'i roi")
}

// bbolt's own consistency check writes English sentences; attend check
// says them in Welsh too, with bbolt's numbers, keys and stacks as given
// (found still English in the last pass). English is bbolt's, unchanged.
func TestBboltCheckSentencesInWelsh(t *testing.T) {
	cy, en := msg.New("cy"), msg.New("en")
	for in, want := range map[string]string{
		"page 12: already freed":                         "tudalen 12: wedi'i rhyddhau'n barod",
		"page 7: unreachable unfreed":                    "tudalen 7: does dim modd ei chyrraedd, ond heb ei rhyddhau",
		"page 9: reachable freed":                        "tudalen 9: wedi'i rhyddhau, ond yn dal i gael ei defnyddio",
		"page ID (99) out of range [2, 50)":              "mae rhif tudalen (99) y tu allan i'r ystod [2, 50)",
		"page 4: out of bounds: 50 (stack: [1 4])":       "tudalen 4: y tu hwnt i'r ffeil: 50 (pentwr: [1 4])",
		"page 4: multiple references (stack: [1 4])":     "tudalen 4: mwy nag un cyfeiriad ati (pentwr: [1 4])",
		"page 4: invalid type: unknown<00> (stack: [1])": "tudalen 4: math annilys: unknown<00> (pentwr: [1])",
		"unexpected page type (flags: 20) for pgId:8":    "math tudalen annisgwyl (baneri: 20) ar gyfer tudalen 8",
		"key[3]=(hex)6162 on leaf page(8) needs to be > (found <) than previous element (hex)6163. Stack: [1 8]": "mae allwedd 3 ar dudalen leaf 8 allan o drefn",
	} {
		if got := detailText(in).Text(cy); got != want {
			t.Errorf("%q in Welsh = %q, want %q", in, got, want)
		}
		if got := detailText(in).Text(en); got != in {
			t.Errorf("%q in English = %q, want it as bbolt wrote it", in, got)
		}
	}
}
