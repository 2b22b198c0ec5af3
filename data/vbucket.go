package data

import (
	"encoding/binary"
	"errors"
	"hash/crc32"

	"go.etcd.io/bbolt"
)

// vbucket is a record bucket seen through the Store's sealer: values go in
// sealed and come out opened. In an unencrypted file (no sealer) of schema
// 5 or later (sum), each value carries a checksum instead: it goes in with
// one and comes out checked. Values a vbucket returns are, like bbolt's,
// only valid inside the transaction.
type vbucket struct {
	b    *bbolt.Bucket
	name []byte
	c    *sealer
	sum  bool
	// start is sumStart(name), when sum is set.
	start uint32
}

// A checksummed value (schema 5, an unencrypted file) is sumVersion, then
// the CRC-32C (Castagnoli) of the bucket name, 0x00, the key and the value,
// as 4 big-endian bytes, then the value. The checksum covers the key and
// bucket as the sealed values' AEAD does, so a value moved to another
// record fails too. CRC-32C finds every change of up to 3 bits in a value
// of up to about 16 KiB, every burst of up to 32 bits, and all but one in
// 4 billion other changes; it is there to catch a disk's or a copy's
// damage, not someone altering the file on purpose (who could recompute
// it; encryption is what stops that).
const (
	sumVersion = 0x02 // sealed values start 0x01; JSON '{', compressed 'z', summaries 's'
	sumHead    = 1 + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Why a checksummed value does not open. Both become ErrCorrupt naming the record.
var (
	errNoSum  = errors.New("the value has no checksum, where every value has one (damaged, or written by something other than this attend?)")
	errBadSum = errors.New("the value does not match its checksum: it was damaged or altered, or moved from another record")
)

// newVbucket is the bucket b, called name, as values go in and out of it.
func newVbucket(b *bbolt.Bucket, name []byte, c *sealer, sum bool) vbucket {
	v := vbucket{b: b, name: name, c: c, sum: sum}
	if sum {
		v.start = sumStart(name)
	}
	return v
}

// sumStart is the checksum's start for a bucket: the CRC of its name and
// 0x00. A vbucket holds its own, worked out when it is made (a listing
// checks thousands of values, and each small Update costs as much as the
// bytes).
func sumStart(bucket []byte) uint32 {
	return crc32.Update(crc32.Update(0, castagnoli, bucket), castagnoli, []byte{0})
}

func recordSum(start uint32, key, plain []byte) uint32 {
	return crc32.Update(crc32.Update(start, castagnoli, key), castagnoli, plain)
}

// withSum returns plain with its checksum in front (start: sumStart of
// its bucket).
func withSum(start uint32, key, plain []byte) []byte {
	out := make([]byte, sumHead, sumHead+len(plain))
	out[0] = sumVersion
	binary.BigEndian.PutUint32(out[1:], recordSum(start, key, plain))
	return append(out, plain...)
}

// checkSum returns the value inside a checksummed one, or why it is not
// right. It never panics, whatever the bytes.
func checkSum(start uint32, key, stored []byte) ([]byte, error) {
	if len(stored) < sumHead || stored[0] != sumVersion {
		return nil, errNoSum
	}
	plain := stored[sumHead:]
	if binary.BigEndian.Uint32(stored[1:]) != recordSum(start, key, plain) {
		return nil, errBadSum
	}
	return plain, nil
}

// Get returns the plaintext value of k, nil if there is none, or an error
// if the value does not open (damaged, altered, or not sealed).
func (v vbucket) Get(k []byte) ([]byte, error) {
	raw := v.b.Get(k)
	if raw == nil {
		return nil, nil
	}
	return v.Open(k, raw)
}

// Has reports whether k holds a value, without opening it.
func (v vbucket) Has(k []byte) bool { return v.b.Get(k) != nil }

// Put seals (if encrypted) or checksums (if not) and stores a value.
func (v vbucket) Put(k, plain []byte) error {
	if v.c == nil {
		if v.sum {
			return v.b.Put(k, withSum(v.start, k, plain))
		}
		return v.b.Put(k, plain)
	}
	return v.b.Put(k, v.c.seal(v.name, k, plain))
}

// Delete removes k.
func (v vbucket) Delete(k []byte) error { return v.b.Delete(k) }

// Open turns a raw value read with Cursor into its plaintext.
func (v vbucket) Open(k, raw []byte) ([]byte, error) {
	if v.c == nil {
		if v.sum {
			return checkSum(v.start, k, raw)
		}
		return raw, nil
	}
	return v.c.open(v.name, k, raw)
}

// Cursor walks the raw bucket: pass values through Open.
func (v vbucket) Cursor() *bbolt.Cursor { return v.b.Cursor() }

// ForEach calls fn with every key and its opened value, or the error
// opening it; an error from fn stops the walk.
func (v vbucket) ForEach(fn func(k, val []byte, err error) error) error {
	return v.b.ForEach(func(k, raw []byte) error {
		plain, err := v.Open(k, raw)
		return fn(k, plain, err)
	})
}

// Keys calls fn with every key, opening nothing.
func (v vbucket) Keys(fn func(k []byte) error) error {
	return v.b.ForEach(func(k, _ []byte) error { return fn(k) })
}
