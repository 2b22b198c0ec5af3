package data

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"attend/coach"
)

func TestFullDiskLeavesTheFileByteForByte(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	before, _ := os.ReadFile(path)

	diskFree = func(string) int64 { return 4096 }
	defer func() { diskFree = freeBytes }()

	sess := coach.NewSession(p.ID, "en", s.now())
	sess.SetAnswer("checkin.head", coach.Answer{Text: "Nothing may be written"})
	for name, write := range map[string]func() error{
		"draft":   func() error { return s.SaveDraft(sess) },
		"session": func() error { _, err := s.SaveSession(sess); return err },
		"person":  func() error { _, _, err := s.EnsurePerson("Aled Evans"); return err },
	} {
		err := write()
		if !errors.Is(err, ErrDiskFull) {
			t.Fatalf("%s on a full disk: %v", name, err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Fatalf("%s on a full disk changed the file", name)
		}
	}
}
