package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"attend/coach"
)

// packPath is the pack to use, and where that choice came from: --prompts,
// else ATTEND_PROMPTS, else prompts.toml in attend's config folder if it
// is there. "" means attend's own prompts.
func (g *globals) packPath() (string, error) {
	if g.prompts != "" {
		return g.prompts, nil
	}
	if p := os.Getenv("ATTEND_PROMPTS"); p != "" {
		return p, nil
	}
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", nil // no home, no config: attend's own prompts
		}
		dir = filepath.Join(home, ".config")
	}
	p := filepath.Join(dir, "attend", "prompts.toml")
	if _, err := os.Stat(p); err != nil {
		return "", nil
	}
	return p, nil
}

// readPack reads and checks a pack file; a broken one is a *coach.PackError
// with every fault.
func readPack(path string) (*coach.Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, wrapErr(english, "cli.pack.cantread", errors.Unwrap(err), "Path", path)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, coach.MaxPackSize+1))
	if err != nil {
		return nil, wrapErr(english, "cli.pack.cantread", err, "Path", path)
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
func (g *globals) usePack() error {
	coach.UsePack(nil)
	path, err := g.packPath()
	if err != nil || path == "" {
		return err
	}
	p, err := readPack(path)
	if err != nil {
		return err
	}
	coach.UsePack(p)
	return nil
}
