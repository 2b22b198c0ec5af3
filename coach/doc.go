// Package coach is attend's domain: the stages and prompts of a compassionate
// one-to-one (after Michael West's attending, understanding, empathising and
// helping), the people a manager supervises, their sessions, actions and
// ratings, the rules for dates and cadence, and the Markdown and JSON forms of
// a record.
//
// It imports nothing of attend's own, no terminal UI and no storage, so that
// every rule here can be tested on its own and reused by the store, the TUI
// and the command line alike.
package coach
