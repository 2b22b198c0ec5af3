package main

import (
	"errors"
	"io"
	"os"

	"attend/coach"
	"attend/coach/msg"
)

// readPack reads and checks a pack file; a broken one is a *coach.PackError
// with every fault.
func readPack(path string) (*coach.Pack, error) { return readPackIn(english, path) }

// readPackIn is readPack, saying why it cannot read the file in l (its
// faults say themselves in any language: coach.ErrorText).
func readPackIn(l *msg.Lang, path string) (*coach.Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, wrapErr(l, "cli.pack.cantread", errors.Unwrap(err), "Path", path)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, coach.MaxPackSize+1))
	if err != nil {
		return nil, wrapErr(l, "cli.pack.cantread", err, "Path", path)
	}
	p, faults := coach.ParsePack(raw)
	if len(faults) > 0 {
		return nil, &coach.PackError{Path: path, Faults: faults}
	}
	p.Path = path
	return p, nil
}

// usePack puts the chosen pack in place before any command runs (or attend's
// own prompts, if none is chosen). A broken pack stops attend in one line
// with its first fault: attend never runs on half a pack.
func (o *options) usePack() error {
	coach.UsePack(nil)
	path := o.packPath()
	if path == "" {
		return nil
	}
	p, err := readPackIn(o.words(), path)
	if err != nil {
		return err
	}
	coach.UsePack(p)
	return nil
}
