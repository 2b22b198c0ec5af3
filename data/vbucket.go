package data

import "go.etcd.io/bbolt"

// vbucket is a record bucket seen through the Store's sealer: values go in
// sealed and come out opened. In an unencrypted file (no sealer) values
// pass through as they are. Values a vbucket returns are, like bbolt's,
// only valid inside the transaction.
type vbucket struct {
	b    *bbolt.Bucket
	name []byte
	c    *sealer
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

// Put seals (if encrypted) and stores a value.
func (v vbucket) Put(k, plain []byte) error {
	if v.c == nil {
		return v.b.Put(k, plain)
	}
	return v.b.Put(k, v.c.seal(v.name, k, plain))
}

// Delete removes k.
func (v vbucket) Delete(k []byte) error { return v.b.Delete(k) }

// Open turns a raw value read with Cursor into its plaintext.
func (v vbucket) Open(k, raw []byte) ([]byte, error) {
	if v.c == nil {
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
