//go:build !unix

package data

// freeBytes cannot be told here; writes find out when they fail.
func freeBytes(string) int64 { return -1 }

// diskFree is freeBytes, replaceable in tests.
var diskFree = freeBytes
