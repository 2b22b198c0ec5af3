package coach

import (
	"encoding/json"
	"io"
	"time"
)

// ExportFormat names the JSON export so that an import can recognise it.
const (
	ExportFormat  = "attend-export"
	ExportVersion = 1
)

// ExportAnswer is one answer with the prompt it answered, so that a reader
// of the export needs no prompt file to make sense of it.
type ExportAnswer struct {
	Stage       string `json:"stage"`
	Prompt      string `json:"prompt"`
	Kind        string `json:"kind"`
	Text        string `json:"text,omitempty"`
	Rating      int    `json:"rating,omitempty"`
	RatingLabel string `json:"rating_label,omitempty"`
	Date        string `json:"date,omitempty"`
}

// ExportSession is a session as exported. Field names are part of attend's
// public contract (docs/export.md): add fields, never rename them.
type ExportSession struct {
	ID          string                  `json:"id"`
	PersonID    string                  `json:"person_id"`
	PersonName  string                  `json:"person_name"`
	Date        string                  `json:"date"`
	Lang        string                  `json:"lang"`
	Created     time.Time               `json:"created"`
	Updated     time.Time               `json:"updated"`
	Saved       time.Time               `json:"saved"`
	NextSession string                  `json:"next_session,omitempty"`
	Answers     map[string]ExportAnswer `json:"answers"`
	Actions     []Action                `json:"actions"`
	// After the meeting: what was discussed, when the record was agreed
	// with the staff member, and the dated addenda made after that.
	Record  string     `json:"record,omitempty"`
	Agreed  string     `json:"agreed,omitempty"`
	Addenda []Addendum `json:"addenda,omitempty"`
}

// ExportPerson is a person as exported.
type ExportPerson struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Created     time.Time `json:"created"`
	Cadence     string    `json:"cadence"`
	LastSession string    `json:"last_session,omitempty"`
	NextSession string    `json:"next_session,omitempty"`
	Sessions    int       `json:"sessions"`
	Demo        bool      `json:"demo,omitempty"` // made up by attend demo
}

// ExportPersonOf maps a person for export.
func ExportPersonOf(p Person) ExportPerson {
	return ExportPerson{
		ID: p.ID, Name: p.Name, Created: p.Created, Cadence: p.Cadence.String(),
		LastSession: p.LastSession.String(), NextSession: p.NextSession.String(), Sessions: p.Sessions,
		Demo: p.Demo,
	}
}

// ExportSessionOf maps a session for export, with each prompt's text beside
// its answer. Answers to prompts this version does not know keep their id
// and are marked with stage "unknown".
func ExportSessionOf(g *Guide, p Person, s Session) ExportSession {
	out := ExportSession{
		ID: s.ID, PersonID: s.PersonID, PersonName: p.Name, Date: s.Date.String(), Lang: s.Lang,
		Created: s.Created, Updated: s.Updated, Saved: s.Saved,
		NextSession: s.NextSession().String(),
		Answers:     map[string]ExportAnswer{},
		Actions:     s.LiveActions(),
		Record:      s.Record,
		Agreed:      s.Agreed.String(),
		Addenda:     s.Addenda,
	}
	if out.Actions == nil {
		out.Actions = []Action{}
	}
	for id, a := range s.Answers {
		ea := ExportAnswer{Stage: "unknown", Kind: "unknown", Text: a.Text, Rating: a.Rating, Date: a.Date.String()}
		if it, st, ok := g.Item(id); ok {
			ea.Stage, ea.Prompt, ea.Kind = st.ID, it.Prompt, string(it.Kind)
			ea.RatingLabel = it.ScaleLabel(a.Rating)
		}
		out.Answers[id] = ea
	}
	return out
}

// ExportWriter streams an export document, so that exporting a hundred
// thousand sessions never holds them all in memory:
//
//	{"format": "attend-export", "version": 1, "exported": "...",
//	 "people": [...], "sessions": [...]}
type ExportWriter struct {
	w        io.Writer
	err      error
	sessions int
}

// NewExportWriter writes the header and every person.
func NewExportWriter(w io.Writer, now time.Time, people []Person) *ExportWriter {
	ew := &ExportWriter{w: w}
	head, err := json.Marshal(map[string]any{"format": ExportFormat, "version": ExportVersion, "exported": now})
	if err != nil { // a time JSON cannot hold, such as the year 10000
		ew.err = err
		return ew
	}
	ew.write(head[:len(head)-1]) // leave the object open
	ew.write([]byte(",\n\"people\": ["))
	for i, p := range people {
		if i > 0 {
			ew.write([]byte(","))
		}
		ew.write([]byte("\n  "))
		ew.encode(ExportPersonOf(p))
	}
	ew.write([]byte("\n],\n\"sessions\": ["))
	return ew
}

// Session appends one session.
func (ew *ExportWriter) Session(s ExportSession) error {
	if ew.sessions > 0 {
		ew.write([]byte(","))
	}
	ew.sessions++
	ew.write([]byte("\n  "))
	ew.encode(s)
	return ew.err
}

// Close ends the document and reports the first write error.
func (ew *ExportWriter) Close() error {
	ew.write([]byte("\n]}\n"))
	return ew.err
}

func (ew *ExportWriter) encode(v any) {
	b, err := json.MarshalIndent(v, "  ", "  ")
	if err != nil && ew.err == nil {
		ew.err = err
	}
	ew.write(b)
}

func (ew *ExportWriter) write(b []byte) {
	if ew.err != nil {
		return
	}
	_, ew.err = ew.w.Write(b)
}
