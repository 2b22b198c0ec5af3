package coach

import "io"

// ParseImportReaderWithin is ParseImportReader with other size limits for
// one person, one session and any other top-level value.
func ParseImportReaderWithin(r io.Reader, person, session, head int) (*ImportDoc, error) {
	return parseImportReader(r, importLimits{person: person, session: session, head: head})
}
