package coach

import (
	"encoding/json"
	"fmt"
	"strings"
)

// maxImportAddenda bounds the addenda of one imported session.
const maxImportAddenda = 1000

// parseRecord reads what an export holds about a session after the
// meeting: agreed and addenda (both optional) and, in version 1 only, the
// record's text, kept in s.Record[SaidID] for the caller to place.
func parseRecord(path string, m map[string]json.RawMessage, s *Session, version int) error {
	said, err := textField(path+".record", m)
	if err != nil {
		return err
	}
	if said != "" && version > 1 {
		return fault(path+".record", "coach.import.v1field", "Version", version, "ID", SaidID)
	}
	if said != "" {
		s.Record = map[string]Answer{SaidID: {Text: said}}
	}
	if s.Agreed, err = dateField(path+".agreed", m, false); err != nil {
		return err
	}
	if !s.Agreed.IsZero() && s.Agreed.Before(s.Date) {
		return fault(path+".agreed", "coach.import.agreedbefore", "Agreed", s.Agreed.String(), "Date", s.Date.String())
	}
	if raw, ok := m["addenda"]; !ok || isNull(raw) {
		return nil
	}
	items, err := array(path+".addenda", m, maxImportAddenda)
	if err != nil {
		return err
	}
	for i, ar := range items {
		apath := fmt.Sprintf("%s.addenda[%d]", path, i)
		am, err := object(apath, ar, addendumFields)
		if err != nil {
			return err
		}
		var a Addendum
		if a.At, err = timeField(apath+".at", am, true); err != nil {
			return err
		}
		if a.Text, err = textField(apath+".text", am); err != nil {
			return err
		}
		if strings.TrimSpace(a.Text) == "" {
			return fault(apath+".text", "coach.import.empty")
		}
		s.Addenda = append(s.Addenda, a)
	}
	return nil
}

// boolean reads a true/false field; a missing or null field is false.
func boolean(path string, m map[string]json.RawMessage) (bool, error) {
	raw, ok := m[lastKey(path)]
	if !ok || isNull(raw) {
		return false, nil
	}
	switch string(raw) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fault(path, "coach.import.notbool", "Kind", kindSaid(raw))
}
