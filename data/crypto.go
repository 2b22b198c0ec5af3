package data

// Encryption at rest, as an envelope:
//
//   - a random 32-byte data key (the DEK) seals every record value with
//     XChaCha20-Poly1305, a fresh random 24-byte nonce per write, and the
//     bucket name and key as additional data, so that a sealed value cannot
//     be moved to another record or bucket without failing to open;
//   - the DEK itself is sealed ("wrapped") with a key-encryption key derived
//     from the passphrase by Argon2id, and kept in the meta bucket as JSON
//     beside the KDF's salt and cost, none of which is secret.
//
// Keys, bucket names and the meta needed to open the file (app, schema and
// the crypto record) stay plaintext; keys hold only ids and dates. Changing
// the passphrase re-wraps the same DEK, so every record stays as it is.

import (
	"bytes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"go.etcd.io/bbolt"
	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// KDFParams is the cost of turning a passphrase into a key with Argon2id.
type KDFParams struct {
	Time      uint32 `json:"time"`       // passes over memory
	MemoryKiB uint32 `json:"memory_kib"` // memory in KiB
	Threads   uint8  `json:"threads"`    // lanes
}

// DefaultKDF is the cost used when encryption is turned on or the
// passphrase changed: about a third of a second on a 2-core laptop, once
// per start of attend (and once per idle unlock). The cost a file was made
// with is stored in it, so changing this never locks anyone out. Tests
// lower it to stay fast.
var DefaultKDF = KDFParams{Time: 3, MemoryKiB: 64 * 1024, Threads: 2}

// Bounds on a cost read from a file, so a damaged or hostile file cannot
// make attend spend minutes or gigabytes before refusing it.
const (
	maxKDFTime      = 64
	maxKDFMemoryKiB = 4 << 20 // 4 GiB
	maxKDFThreads   = 64
)

func (p KDFParams) check() error {
	switch {
	case p.Time < 1 || p.Time > maxKDFTime:
		return said("store.crypt.kdf.time", "N", p.Time)
	case p.Threads < 1 || p.Threads > maxKDFThreads:
		return said("store.crypt.kdf.threads", "N", p.Threads)
	case p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > maxKDFMemoryKiB:
		return said("store.crypt.kdf.memory", "N", p.MemoryKiB)
	}
	return nil
}

const (
	keyLen      = chacha20poly1305.KeySize    // 32
	nonceLen    = chacha20poly1305.NonceSizeX // 24
	tagLen      = chacha20poly1305.Overhead   // 16
	saltLen     = 16
	keyIDLen    = 16 // random bytes, stored as hex
	cryptoV     = 1
	kdfName     = "argon2id"
	cipherName  = "xchacha20-poly1305"
	sealVersion = 0x01 // first byte of every sealed value; JSON starts with '{'
)

// metaCrypto is the meta key holding the cryptoMeta JSON of an encrypted file.
var metaCrypto = []byte("crypto")

// sealedBuckets are the buckets whose values are sealed in an encrypted file.
var sealedBuckets = [][]byte{bktPeople, bktSessions, bktDrafts, bktIdxTime, bktIdxOpen, bktIdxText, bktIdxWords, bktIdxTail}

func isSealedBucket(name []byte) bool {
	for _, b := range sealedBuckets {
		if bytes.Equal(b, name) {
			return true
		}
	}
	return false
}

// cryptoMeta is what an encrypted file says about its keys. Nothing in it
// is secret: the DEK is only there wrapped.
type cryptoMeta struct {
	V   int    `json:"v"`
	KDF string `json:"kdf"`
	KDFParams
	Salt   []byte `json:"salt"`
	Cipher string `json:"cipher"`
	// KeyID names the DEK (random, never derived from it), so a running
	// attend notices a file that was re-encrypted under another key.
	KeyID      string    `json:"key_id"`
	WrappedKey []byte    `json:"wrapped_key"` // nonce || sealed DEK
	Changed    time.Time `json:"changed"`
}

// parseCryptoMeta decodes and checks the crypto record. It never panics,
// whatever the bytes.
func parseCryptoMeta(raw []byte) (cryptoMeta, error) {
	var m cryptoMeta
	if err := json.Unmarshal(raw, &m); err != nil {
		return m, saidWrap{said("store.crypt.json", "Err", causeText{err}), err}
	}
	switch {
	case m.V > cryptoV:
		return m, &VersionError{What: "the encryption record", Found: m.V, Supported: cryptoV}
	case m.V < 1:
		return m, said("store.crypt.noversion")
	case m.KDF != kdfName:
		return m, said("store.crypt.kdfname", "Found", quoted(m.KDF), "Want", kdfName)
	case m.Cipher != cipherName:
		return m, said("store.crypt.cipher", "Found", quoted(m.Cipher), "Want", cipherName)
	case len(m.Salt) != saltLen:
		return m, said("store.crypt.salt", "Found", len(m.Salt), "Want", saltLen)
	case len(m.WrappedKey) != nonceLen+keyLen+tagLen:
		return m, said("store.crypt.wrapped", "Found", len(m.WrappedKey), "Want", nonceLen+keyLen+tagLen)
	}
	if id, err := hex.DecodeString(m.KeyID); err != nil || len(id) != keyIDLen {
		return m, said("store.crypt.keyid")
	}
	if err := m.KDFParams.check(); err != nil {
		return m, saidWrap{said("store.crypt.record", "Err", err), err}
	}
	return m, nil
}

func wrapAAD(keyID string) []byte { return []byte("attend data key\x00" + keyID) }

// deriveKEK runs Argon2id over the passphrase with the record's salt and cost.
func deriveKEK(passphrase []byte, m cryptoMeta) []byte {
	return argon2.IDKey(passphrase, m.Salt, m.Time, m.MemoryKiB, m.Threads, keyLen)
}

// errBadPassphrase is unwrapKey's failure: the passphrase is wrong (or the
// wrapped key was altered, which cannot be told apart).
var errBadPassphrase = errors.New("the passphrase does not unwrap the data key")

// unwrapKey returns the DEK, or errBadPassphrase.
func unwrapKey(m cryptoMeta, passphrase []byte) ([]byte, error) {
	kek := deriveKEK(passphrase, m)
	defer clear(kek)
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, err
	}
	dek, err := aead.Open(nil, m.WrappedKey[:nonceLen], m.WrappedKey[nonceLen:], wrapAAD(m.KeyID))
	if err != nil || len(dek) != keyLen {
		return nil, errBadPassphrase
	}
	return dek, nil
}

// wrapKey makes a crypto record wrapping dek under a new salt.
func wrapKey(dek []byte, keyID string, passphrase []byte, p KDFParams, now time.Time) (cryptoMeta, error) {
	if err := p.check(); err != nil {
		return cryptoMeta{}, err
	}
	m := cryptoMeta{
		V: cryptoV, KDF: kdfName, KDFParams: p, Salt: randomBytes(saltLen),
		Cipher: cipherName, KeyID: keyID, Changed: now.UTC().Truncate(time.Second),
	}
	kek := deriveKEK(passphrase, m)
	defer clear(kek)
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return cryptoMeta{}, err
	}
	nonce := randomBytes(nonceLen)
	m.WrappedKey = aead.Seal(nonce, nonce, dek, wrapAAD(keyID))
	return m, nil
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand crashes the program instead)
	return b
}

// sealer seals and opens record values with the DEK.
type sealer struct {
	aead   cipher.AEAD
	dek    []byte
	keyID  string
	idxKey []byte // the search index's hash key (indexKeyFor)
}

func newSealer(dek []byte, keyID string) (*sealer, error) {
	aead, err := chacha20poly1305.NewX(dek)
	if err != nil {
		return nil, err
	}
	return &sealer{aead: aead, dek: bytes.Clone(dek), keyID: keyID, idxKey: indexKeyFor(dek)}, nil
}

// recordAAD binds a value to its place: bucket name, 0x00, key.
func recordAAD(bucket, key []byte) []byte {
	aad := make([]byte, 0, len(bucket)+1+len(key))
	aad = append(aad, bucket...)
	aad = append(aad, 0)
	return append(aad, key...)
}

// seal returns 0x01 || nonce || ciphertext-and-tag.
func (c *sealer) seal(bucket, key, plain []byte) []byte {
	out := make([]byte, 1+nonceLen, 1+nonceLen+len(plain)+tagLen)
	out[0] = sealVersion
	nonce := randomBytes(nonceLen)
	copy(out[1:], nonce)
	return c.aead.Seal(out, nonce, plain, recordAAD(bucket, key))
}

// Why a sealed value does not open. Both become ErrCorrupt naming the record.
var (
	errNotSealed = errors.New("the value is not sealed, in an encrypted file (written by something other than this attend?)")
	errUnsealed  = errors.New("the value does not decrypt: it was damaged, altered or moved from another record")
)

// open returns the plaintext of a sealed value. It never panics, whatever
// the bytes (see FuzzOpenSealed).
func (c *sealer) open(bucket, key, sealed []byte) ([]byte, error) {
	if len(sealed) < 1+nonceLen+tagLen || sealed[0] != sealVersion {
		return nil, errNotSealed
	}
	plain, err := c.aead.Open(nil, sealed[1:1+nonceLen], sealed[1+nonceLen:], recordAAD(bucket, key))
	if err != nil {
		return nil, errUnsealed
	}
	return plain, nil
}

// Encrypted reports whether the database is encrypted (and this Store
// holds its key).
func (s *Store) Encrypted() bool { return s.seal != nil }

// VerifyPassphrase reports whether p is the database's passphrase, for a
// screen that locks when idle. It reads the file's current key record (the
// passphrase may have been changed by another attend since this one
// opened), and compares in constant time. It takes as long as an unlock
// (about a third of a second), so call it off the UI thread. An
// unencrypted Store has no passphrase: it returns false.
func (s *Store) VerifyPassphrase(p []byte) bool {
	if s.seal == nil {
		return false
	}
	m := s.cmeta
	if cur, err := s.currentCryptoMeta(); err == nil && cur != nil && cur.KeyID == s.seal.keyID {
		m = *cur
	}
	dek, err := unwrapKey(m, p)
	if err != nil {
		return false
	}
	defer clear(dek)
	return subtle.ConstantTimeCompare(dek, s.seal.dek) == 1
}

// currentCryptoMeta reads the key record as the file holds it now (nil if
// the file is not encrypted).
func (s *Store) currentCryptoMeta() (*cryptoMeta, error) {
	var out *cryptoMeta
	err := s.view(func(tx *bbolt.Tx, b txBuckets) error {
		raw := b.meta.Get(metaCrypto)
		if raw == nil {
			return nil
		}
		m, err := parseCryptoMeta(raw)
		if err != nil {
			return err
		}
		out = &m
		return nil
	})
	return out, err
}

// unlock reads the key record found at Open: an unencrypted file needs
// nothing; an encrypted one needs the passphrase to unwrap its DEK.
func (s *Store) unlock(raw, passphrase []byte) error {
	if raw == nil {
		return nil
	}
	m, err := parseCryptoMeta(raw)
	if err != nil {
		var ve *VersionError
		if errors.As(err, &ve) {
			return saidErr(ErrNewerSchema, s.path, ve, "store.newer.crypto", "Path", s.path, "Err", ve)
		}
		return errCorrupt(s.path, err, err.Error())
	}
	if len(passphrase) == 0 {
		return saidErr(ErrNeedPassphrase, s.path, nil, "store.needpass", "Path", s.path)
	}
	dek, err := unwrapKey(m, passphrase)
	if err != nil {
		return errWrongPassphrase(s.path)
	}
	defer clear(dek)
	c, err := newSealer(dek, m.KeyID)
	if err != nil {
		return err
	}
	s.seal, s.cmeta, s.cmetaRaw = c, m, bytes.Clone(raw)
	return nil
}

func errWrongPassphrase(path string) *Error {
	return saidErr(ErrWrongPassphrase, path, nil, "store.wrongpass", "Path", path)
}

// checkCrypto is part of every transaction's guard: the file must be
// encrypted exactly when this Store holds a key, and with that key, so that
// a Store never writes plaintext into an encrypted file (or values another
// key cannot open).
func (s *Store) checkCrypto(meta *bbolt.Bucket) error {
	raw := meta.Get(metaCrypto)
	switch {
	case raw == nil && s.seal == nil:
		return nil
	case raw != nil && s.seal == nil:
		return saidErr(ErrNeedPassphrase, s.path, nil, "store.crypt.since", "Path", s.path)
	case raw == nil:
		return saidErr(ErrCorrupt, s.path, nil, "store.crypt.gone", "Path", s.path)
	}
	if bytes.Equal(raw, s.cmetaRaw) {
		return nil
	}
	m, err := parseCryptoMeta(raw)
	if err != nil {
		return errCorrupt(s.path, err, err.Error())
	}
	if m.KeyID != s.seal.keyID {
		return saidErr(ErrCorrupt, s.path, nil, "store.crypt.otherkey", "Path", s.path)
	}
	return nil
}

// Encrypt turns encryption on for the database at path: it writes a
// brand-new file beside it with every record value sealed, syncs it, and
// renames it over the old one, so no plaintext survives in the free pages
// of the live file. It waits for (and then holds) the lock like any write.
// It refuses a file that is already encrypted (ErrAlreadyEncrypted) and an
// empty passphrase (ErrInvalid).
//
// Copies made before (attend backup, the .bak-* file from an upgrade, JSON
// exports) are not touched and stay unencrypted.
func Encrypt(path string, passphrase []byte) error {
	if len(passphrase) == 0 {
		return errInvalid(said("store.cause.passempty"), "store.what.encrypt")
	}
	s, err := Open(path, Options{})
	if errors.Is(err, ErrNeedPassphrase) {
		return errAlreadyEncrypted(path)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	return s.encryptFile(passphrase, DefaultKDF)
}

func errAlreadyEncrypted(path string) *Error {
	return saidErr(ErrAlreadyEncrypted, path, nil, "store.crypt.already", "Path", path)
}

func (s *Store) encryptFile(passphrase []byte, p KDFParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed(s.path)
	}
	dek := randomBytes(keyLen)
	defer clear(dek)
	keyID := hex.EncodeToString(randomBytes(keyIDLen))
	// Argon2 runs before the lock is taken, so other attends never wait on it.
	m, err := wrapKey(dek, keyID, passphrase, p, s.now())
	if err != nil {
		return errInvalid(err, "store.what.encrypt")
	}
	metaRaw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	c, err := newSealer(dek, keyID)
	if err != nil {
		return err
	}
	return s.withDBOptions(&bbolt.Options{}, func(db *bbolt.DB) error {
		// Under the exclusive lock, judge the file again: another attend may
		// have encrypted it meanwhile.
		err := db.View(func(tx *bbolt.Tx) error {
			if err := guardSize(s.path, tx.Size()); err != nil {
				return err
			}
			if _, err := s.schemaOf(tx, false); err != nil {
				return err
			}
			if tx.Bucket(bktMeta).Get(metaCrypto) != nil {
				return errAlreadyEncrypted(s.path)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return replaceFile(s.path, func(dst *bbolt.DB) error {
			return db.View(func(src *bbolt.Tx) error {
				return dst.Update(func(out *bbolt.Tx) error {
					if err := copySealed(src, out, c); err != nil {
						return err
					}
					// The search index's keys are hashed with a key derived
					// from the new data key: build it afresh.
					if err := rebuildTextIndex(out, c); err != nil {
						return err
					}
					// The new file holds nothing from the old one's free
					// pages: no rewrite is pending in it.
					if err := out.Bucket(bktMeta).Delete(metaPending); err != nil {
						return err
					}
					return out.Bucket(bktMeta).Put(metaCrypto, metaRaw)
				})
			})
		})
	})
}

// copySealed copies every bucket of src into out, sealing the values of
// the record buckets and copying the rest (meta, idx_person) as they are.
func copySealed(src, out *bbolt.Tx, c *sealer) error {
	return src.ForEach(func(name []byte, b *bbolt.Bucket) error {
		ob, err := out.CreateBucketIfNotExists(name)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(textIndexBuckets, func(t []byte) bool { return bytes.Equal(t, name) }) {
			return nil // built afresh by the caller
		}
		if !isSealedBucket(name) {
			return copyBucket(b, ob, nil)
		}
		sum := schemaAtLeast(src.Bucket(bktMeta), sumSchema)
		start := sumStart(name)
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return said("store.rec.bucket", "Where", string(name)+"/"+printable(k))
			}
			if len(v) > 0 && v[0] == sealVersion {
				return said("store.rec.sealed", "Where", string(name)+"/"+printable(k))
			}
			if sum {
				// The AEAD takes over from the checksum: check it first, so
				// that a damaged value is not sealed as if it were right.
				plain, err := checkSum(start, k, v)
				if err != nil {
					return saidWrap{said("store.crypt.unread", "Where", string(name)+"/"+printable(k), "Err", causeText{err}), err}
				}
				v = plain
			}
			return ob.Put(k, c.seal(name, k, v))
		})
	})
}

// copyBucket copies keys, values and nested buckets as they are, leaving
// out the key skip (nil: none). Nested buckets fill their pages as to does
// (its FillPercent).
func copyBucket(from, to *bbolt.Bucket, skip []byte) error {
	if err := to.SetSequence(from.Sequence()); err != nil {
		return err
	}
	return from.ForEach(func(k, v []byte) error {
		if skip != nil && bytes.Equal(k, skip) {
			return nil
		}
		if v == nil {
			child, err := to.CreateBucketIfNotExists(k)
			if err != nil {
				return err
			}
			child.FillPercent = to.FillPercent
			return copyBucket(from.Bucket(k), child, nil)
		}
		return to.Put(k, v)
	})
}

// ChangePassphrase re-wraps the data key of the encrypted database at path
// under a new passphrase, in one transaction: records are not rewritten.
// The file is then compacted into a new file, so the old wrapping does not
// linger in a free page; until it is, the file says a rewrite is pending
// (pending.go). A wrong old passphrase is ErrWrongPassphrase and
// changes nothing; an unencrypted file is ErrNotEncrypted.
//
// Copies of the file made before still open with the old passphrase, and
// since the data key is the same, anyone holding an old copy and the old
// passphrase can unwrap the key: after a suspected leak, keep old copies safe.
func ChangePassphrase(path string, old, new []byte) error {
	if len(new) == 0 {
		return errInvalid(said("store.cause.newpassempty"), "store.what.passphrase")
	}
	s, err := Open(path, Options{Passphrase: old})
	if err != nil {
		return err
	}
	defer s.Close()
	if !s.Encrypted() {
		return saidErr(ErrNotEncrypted, s.path, nil, "store.crypt.not", "Path", s.path)
	}
	return s.rewrap(new, DefaultKDF)
}

func (s *Store) rewrap(passphrase []byte, p KDFParams) error {
	m, err := wrapKey(s.seal.dek, s.seal.keyID, passphrase, p, s.now())
	if err != nil {
		return errInvalid(err, "store.what.passphrase")
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return s.rewrite(pendingPassphrase, func(_ *bbolt.Tx, b txBuckets) error {
		if !bytes.Equal(b.meta.Get(metaCrypto), s.cmetaRaw) {
			return saidErr(ErrWrongPassphrase, s.path, nil, "store.crypt.changed", "Path", s.path)
		}
		return b.meta.Put(metaCrypto, raw)
	})
}
