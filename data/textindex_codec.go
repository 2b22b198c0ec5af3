package data

// How the search index lays out its keys and values: a session's word
// hashes, and the sessions under a prefix (a sorted list, or a bitmap when
// common).

import (
	"encoding/binary"
	"math/bits"
)

func docKey(doc uint32) []byte { return binary.BigEndian.AppendUint32(nil, doc) }

func wordsKey(block uint32, h uint64) []byte {
	k := make([]byte, 0, wordsKeyLen)
	k = binary.BigEndian.AppendUint32(k, block)
	return binary.BigEndian.AppendUint64(k, h)
}

func encodeHashes(hs []uint64) []byte {
	out := make([]byte, 0, len(hs)*hashLen)
	for _, h := range hs {
		out = binary.BigEndian.AppendUint64(out, h)
	}
	return out
}

func decodeHashes(b []byte) ([]uint64, error) {
	if len(b)%hashLen != 0 {
		return nil, errIndexValue
	}
	out := make([]uint64, len(b)/hashLen)
	for i := range out {
		out[i] = binary.BigEndian.Uint64(b[i*hashLen:])
	}
	return out, nil
}

// hasHash reports whether the sorted encoded hashes hold h.
func hasHash(enc []byte, h uint64) bool {
	lo, hi := 0, len(enc)/hashLen
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		v := binary.BigEndian.Uint64(enc[m*hashLen:])
		switch {
		case v == h:
			return true
		case v < h:
			lo = m + 1
		default:
			hi = m
		}
	}
	return false
}

func encodePostings(docs []uint32) []byte {
	if len(docs) >= bitmapLen {
		out := make([]byte, 1+bitmapLen)
		out[0] = postingsBitmap
		for _, d := range docs {
			off := d & (blockDocs - 1)
			out[1+off/8] |= 1 << (off % 8)
		}
		return out
	}
	out := make([]byte, 1, len(docs)+3)
	out[0] = postingsList
	prev := uint32(0)
	for i, d := range docs {
		off := d & (blockDocs - 1)
		if i == 0 {
			out = binary.AppendUvarint(out, uint64(off))
		} else {
			out = binary.AppendUvarint(out, uint64(off-prev))
		}
		prev = off
	}
	return out
}

// decodePostings appends a block's doc ids to out. It never panics.
func decodePostings(block uint32, b []byte, out []uint32) ([]uint32, error) {
	base := block << blockBits
	if len(b) == 0 {
		return out, errIndexValue
	}
	if b[0] == postingsBitmap {
		if len(b) != 1+bitmapLen {
			return out, errIndexValue
		}
		for i, x := range b[1:] {
			for x != 0 {
				bit := uint32(bits.TrailingZeros8(x))
				out = append(out, base+uint32(i)*8+bit)
				x &= x - 1
			}
		}
		return out, nil
	}
	if b[0] != postingsList {
		return out, errIndexValue
	}
	b = b[1:]
	off := uint64(0)
	for i := 0; len(b) > 0; i++ {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return out, errIndexValue
		}
		b = b[n:]
		if i > 0 && v == 0 {
			return out, errIndexValue
		}
		off += v
		if off >= blockDocs {
			return out, errIndexValue
		}
		out = append(out, base+uint32(off))
	}
	return out, nil
}

// intersect keeps the doc ids of a also in b (both ascending).
func intersect(a, b []uint32) []uint32 {
	out := a[:0]
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return out
}
