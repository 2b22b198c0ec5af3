//go:build race

package data

// raceEnabled: the race detector slows Argon2 ten times over, so timings
// of the real key derivation are only measured without it.
const raceEnabled = true
