package data

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// fuzzSealer is a fixed key, so that seeds stay meaningful across runs.
func fuzzSealer(tb testing.TB) *sealer {
	c, err := newSealer(bytes.Repeat([]byte{0x5a}, keyLen), "00112233445566778899aabbccddeeff")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// FuzzOpenSealed: opening arbitrary bytes as a sealed value, or as the key
// record, never panics; only what was sealed for that very bucket and key
// opens, to exactly what was sealed.
func FuzzOpenSealed(f *testing.F) {
	c := fuzzSealer(f)
	good := c.seal(bktSessions, []byte("01M8B6JA8ZJ68R3WF717SCT7QK"), []byte(`{"v":1,"id":"01M8B6JA8ZJ68R3WF717SCT7QK"}`))
	f.Add([]byte("sessions"), []byte("01M8B6JA8ZJ68R3WF717SCT7QK"), good)
	f.Add([]byte("people"), []byte("01M8B6JA8ZJ68R3WF717SCT7QK"), good)
	f.Add([]byte("sessions"), []byte("01M8B6JA8ZJ68R3WF717SCT7QL"), good)
	f.Add([]byte("sessions"), []byte("k"), good[:len(good)-1])
	f.Add([]byte("drafts"), []byte("k"), []byte{})
	f.Add([]byte("drafts"), []byte("k"), []byte{sealVersion})
	f.Add([]byte("idx_time"), []byte{0x80, 0, 0, 0, 0, 0, 0x4f, 0x1a}, []byte(`{"v":1}`))
	f.Add([]byte(""), []byte(""), bytes.Repeat([]byte{sealVersion}, 1+nonceLen+tagLen))
	m, _ := wrapKey(c.dek, c.keyID, []byte("pass"), KDFParams{Time: 1, MemoryKiB: 8, Threads: 1}, time.Unix(0, 0))
	meta, _ := json.Marshal(m)
	f.Add([]byte("meta"), []byte("crypto"), meta)
	f.Add([]byte("meta"), []byte("crypto"), []byte(`{"v":1,"kdf":"argon2id","time":64,"memory_kib":4194304,"threads":64}`))
	f.Add([]byte("meta"), []byte("crypto"), []byte(`{"v":9}`))
	f.Fuzz(func(t *testing.T, bucket, key, value []byte) {
		plain, err := c.open(bucket, key, value)
		if err == nil {
			// Only a value sealed with this key for this place opens, so
			// sealing what came out must open to the same again.
			again, err := c.open(bucket, key, c.seal(bucket, key, plain))
			if err != nil || !bytes.Equal(again, plain) {
				t.Fatalf("reseal: %v", err)
			}
		} else if plain != nil {
			t.Fatal("a failed open returned plaintext")
		}
		// Sealing anything opens to it, here and only here.
		sealed := c.seal(bucket, key, value)
		if got, err := c.open(bucket, key, sealed); err != nil || !bytes.Equal(got, value) {
			t.Fatalf("round trip: %v", err)
		}
		if _, err := c.open(append(bytes.Clone(bucket), 'x'), key, sealed); err == nil {
			t.Fatal("a value opened in another bucket")
		}
		// The key record parser never panics, and what it accepts has a
		// bounded cost (the unwrap is not run: it would be slow by design).
		if m, err := parseCryptoMeta(value); err == nil {
			if m.KDFParams.check() != nil || len(m.Salt) != saltLen || len(m.WrappedKey) != nonceLen+keyLen+tagLen {
				t.Fatalf("accepted a bad key record: %+v", m)
			}
		}
	})
}
