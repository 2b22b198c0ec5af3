package main

import (
	"fmt"

	"go.etcd.io/bbolt"
)

// peek prints the raw value of the last key of a bucket.
func peek(path, bucket string) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bbolt.Tx) error {
		_, v := tx.Bucket([]byte(bucket)).Cursor().Last()
		fmt.Printf("%s\n", v)
		return nil
	})
}
