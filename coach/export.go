package coach

import (
	"encoding/json"
	"io"
	"slices"
	"strings"
	"time"
)

// ExportFormat names the JSON export so that an import can recognise it.
//
// Version 2 split each session into three parts: every answer names its
// part (prep, record or reflection), ratings say whether they were rated
// together, actions carry an outcome, and version 1's "record" text is the
// record's answer agenda.said. Version 1 is still read.
const (
	ExportFormat  = "attend-export"
	ExportVersion = 2
)

// ExportAnswer is one answer with the prompt it answered, so that a reader
// of the export needs no prompt file to make sense of it.
type ExportAnswer struct {
	// Part is prep (private preparation), record (the meeting record) or
	// reflection (private reflection afterwards).
	Part        string `json:"part"`
	Stage       string `json:"stage"`
	Prompt      string `json:"prompt"`
	Kind        string `json:"kind"`
	Text        string `json:"text,omitempty"`
	Rating      int    `json:"rating,omitempty"`
	RatingLabel string `json:"rating_label,omitempty"`
	Date        string `json:"date,omitempty"`
	// Together is set on a rating made together with the staff member.
	Together bool `json:"together,omitempty"`
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
	// Record is what was discussed, in version 1 exports only: version 2
	// writes it as the record's answer agenda.said. Read, never written.
	Record string `json:"record,omitempty"`
	// When the record was agreed with the staff member, and the dated
	// addenda made after that.
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
	out := exportSessionHead(p, s)
	out.Answers = map[string]ExportAnswer{}
	for _, p := range Parts {
		for id, a := range s.Answers(p) {
			out.Answers[id] = exportAnswer(g, s, p, id, a)
		}
	}
	return out
}

// exportSessionHead is a session as exported, but for its answers.
func exportSessionHead(p Person, s Session) ExportSession {
	out := ExportSession{
		ID: s.ID, PersonID: s.PersonID, PersonName: p.Name, Date: s.Date.String(), Lang: s.Lang,
		Created: s.Created, Updated: s.Updated, Saved: s.Saved,
		NextSession: s.NextSession().String(),
		Actions:     s.LiveActions(),
		Agreed:      s.Agreed.String(),
		Addenda:     s.Addenda,
	}
	if out.Actions == nil {
		out.Actions = []Action{}
	}
	return out
}

// exportAnswer is one answer as exported, with its prompt.
func exportAnswer(g *Guide, s Session, p Part, id string, a Answer) ExportAnswer {
	ea := ExportAnswer{Part: string(p), Stage: "unknown", Kind: "unknown", Text: a.Text, Rating: a.Rating,
		Date: a.Date.String(), Together: a.Together}
	if it, st, ok := g.Item(id); ok {
		ea.Stage, ea.Prompt, ea.Kind = st.ID, s.PromptText(g, it), string(it.Kind)
		ea.RatingLabel = it.ScaleLabel(a.Rating)
	}
	if ea.Prompt == "" {
		ea.Prompt = s.Asked[id]
	}
	return ea
}

// LegacyParts splits the answers of a session written before the three
// parts (one map, and the record's "what was discussed" text) into the
// prep and the meeting record. Everything was written before the meeting,
// so it is prep, except what the record always held: the next session's
// date, and the core-needs ratings, which are the record's ratings as the
// manager's own view (not rated together). The record text becomes what
// they said (agenda.said). Nothing is dropped.
func LegacyParts(answers map[string]Answer, record string) (prep, rec map[string]Answer) {
	var s Session
	for id, a := range answers {
		switch {
		case id == NextID || slices.Contains(NeedIDs, id):
			a.Together = false
			s.SetPartAnswer(PartRecord, id, a)
		default:
			s.SetPartAnswer(PartPrep, id, a)
		}
	}
	if strings.TrimSpace(record) != "" {
		s.SetPartAnswer(PartRecord, SaidID, Answer{Text: record})
	}
	return s.Prep, s.Record
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
	buf      []byte // reused by Session
}

// NewExportWriter writes the header and every person.
func NewExportWriter(w io.Writer, now time.Time, people []Person) *ExportWriter {
	ew := &ExportWriter{w: w}
	pack, packVersion := PackLabel()
	head, err := json.Marshal(map[string]any{"format": ExportFormat, "version": ExportVersion, "exported": now,
		"prompts": map[string]string{"pack": pack, "version": packVersion}})
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
	b, err := AppendExportSession(ew.buf[:0], &s)
	ew.buf = b
	if err != nil && ew.err == nil {
		ew.err = err
	}
	ew.write(b)
	return ew.err
}

// Encoded appends one session that AppendExportSession encoded (as Session
// would have), so that sessions can be encoded on several goroutines and
// written here in order.
func (ew *ExportWriter) Encoded(b []byte) error {
	if ew.sessions > 0 {
		ew.write([]byte(","))
	}
	ew.sessions++
	ew.write([]byte("\n  "))
	ew.write(b)
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
