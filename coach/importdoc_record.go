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
		return faultAt(path+".record", "is a version 1 field: version %d keeps it in answers.%s", version, SaidID)
	}
	if said != "" {
		s.Record = map[string]Answer{SaidID: {Text: said}}
	}
	if s.Agreed, err = dateField(path+".agreed", m, false); err != nil {
		return err
	}
	if !s.Agreed.IsZero() && s.Agreed.Before(s.Date) {
		return faultAt(path+".agreed", "%s is before the session's date %s", s.Agreed, s.Date)
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
			return faultAt(apath+".text", "is empty")
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
	return false, faultAt(path, "should be true or false, not %s", kindOf(raw))
}
