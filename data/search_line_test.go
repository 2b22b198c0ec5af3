package data

import (
	"errors"
	"reflect"
	"testing"

	"attend/coach"
)

// TestDecodeSummaryLine: the list fields come out as decodeSummary gives
// them, without the maps, and a value decodeSummary refuses (cut short at
// any byte, any byte changed, bytes added) is refused too.
func TestDecodeSummaryLine(t *testing.T) {
	sums := []coach.Summary{
		{ID: "01HX0000000000000000000000", PersonID: "01HP0000000000000000000000", PersonName: "Siân Ŵyn-Ellis",
			Date: day(2026, 4, 1), Answered: 7, Total: 40, Open: 2, Preview: "Rota gaps over Easter, and the new starters.",
			Ratings: map[string]int{"checkin.energy": 4, "checkin.head": 2}, Agreed: day(2026, 4, 3),
			Together: map[string]bool{"checkin.energy": true}, Outcomes: map[coach.Outcome]int{coach.OutcomeHelped: 1}},
		{ID: "01HX0000000000000000000001", PersonID: "01HP0000000000000000000001", PersonName: "Aled", Date: day(2025, 12, 31)},
		{ID: "01HX0000000000000000000002", PersonID: "01HP0000000000000000000002", Date: day(2024, 1, 1), Answered: 300, Total: 1 << 20},
	}
	for _, want := range sums {
		enc := encodeSummaryBinary(want)
		full, err := decodeSummary(enc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeSummaryLine(enc)
		if err != nil {
			t.Fatal(err)
		}
		full.Ratings, full.Together, full.Outcomes = nil, nil, nil
		if !reflect.DeepEqual(got, full) {
			t.Errorf("decodeSummaryLine = %+v, want %+v", got, full)
		}

		same := func(what string, b []byte) {
			t.Helper()
			f, errF := decodeSummary(b)
			l, errL := decodeSummaryLine(b)
			if (errF == nil) != (errL == nil) {
				t.Fatalf("%s: decodeSummary says %v, decodeSummaryLine %v", what, errF, errL)
			}
			if errL != nil {
				var v *VersionError
				if errors.As(errF, &v) != errors.As(errL, &v) {
					t.Fatalf("%s: %v against %v", what, errF, errL)
				}
				return
			}
			f.Ratings, f.Together, f.Outcomes = nil, nil, nil
			if !reflect.DeepEqual(l, f) {
				t.Fatalf("%s: %+v, want %+v", what, l, f)
			}
		}
		for n := range len(enc) {
			same("cut short", enc[:n])
		}
		same("a byte added", append(enc[:len(enc):len(enc)], 0))
		for i := range enc {
			for _, x := range []byte{0x01, 0x80, 0xff} {
				b := append([]byte(nil), enc...)
				b[i] ^= x
				same("a byte changed", b)
			}
		}
	}

	// A schema 3 summary (JSON) is read as decodeSummary reads it.
	old := []byte(`{"v":1,"id":"01HX0000000000000000000009","person_id":"01HP0000000000000000000009","person_name":"Llŷr","date":"2023-02-01","answered":3,"total":9,"preview":"Hiraeth","ratings":{"checkin.energy":3}}`)
	got, err := decodeSummaryLine(old)
	if err != nil || got.PersonName != "Llŷr" || got.Preview != "Hiraeth" || got.Answered != 3 || got.Ratings != nil {
		t.Errorf("JSON summary: %+v, %v", got, err)
	}
}
