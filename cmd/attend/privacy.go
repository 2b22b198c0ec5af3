package main

import (
	"sync"
)

// privacyOpts are the privacy flags. They live beside globals (main.go owns
// that struct), keyed by it, so every command's open path can find them.
type privacyOpts struct {
	passFile string // --passphrase-file
}

var privacyFor sync.Map // *globals -> *privacyOpts

func privacyOf(g *globals) *privacyOpts {
	v, _ := privacyFor.LoadOrStore(g, &privacyOpts{})
	return v.(*privacyOpts)
}
