package main

import (
	"bufio"
	"fmt"
	"hash/crc32"
	"os"
	"strings"

	"go.etcd.io/bbolt"

	"attend/coach"
	"attend/data"
)

// floorSummaries is the least `attend log --limit 50` must do: open the
// file read-only and copy out the newest n summary values, undecoded.
func floorSummaries(path string, n int) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	var total int
	err = db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("idx_time"))
		if b == nil {
			return fmt.Errorf("no idx_time bucket")
		}
		c := b.Cursor()
		i := 0
		for k, v := c.Last(); k != nil && i < n; k, v = c.Prev() {
			total += len(append([]byte(nil), v...))
			i++
		}
		return nil
	})
	fmt.Println(total)
	return err
}

// floorRaw is the least an export must do: open the file read-only and
// read every value of every bucket (a checksum touches each byte).
func floorRaw(path string) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	var sum uint32
	var total int
	err = db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bbolt.Bucket) error {
			return b.ForEach(func(_, v []byte) error {
				sum = crc32.Update(sum, crc32.IEEETable, v)
				total += len(v)
				return nil
			})
		})
	})
	fmt.Println(total, sum)
	return err
}

// twin writes every session's notes (what search looks through,
// coach.SearchTexts) as one line per session, newest first does not
// matter: grep and ripgrep count lines, so a line is a session.
func twin(path, out string) error {
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = st.EachSession(func(_ coach.Person, s coach.Session) error {
		first := true
		coach.SearchTexts(s, func(t string) {
			if !first {
				w.WriteByte(' ')
			}
			first = false
			w.WriteString(strings.NewReplacer("\n", " ", "\r", " ").Replace(t))
		})
		return w.WriteByte('\n')
	})
	if err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
