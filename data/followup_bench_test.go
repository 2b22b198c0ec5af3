package data

import "testing"

// BenchmarkOpenActionList is attend actions' read (OpenActionList) beside
// OpenActions, on the demo fixture or ATTEND_BENCH_DB.
func BenchmarkOpenActionList(b *testing.B) {
	s, _ := demoStore(b, false)
	b.Run("OpenActions", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.OpenActions(""); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("OpenActionList", func(b *testing.B) {
		var n int
		for b.Loop() {
			list, err := s.OpenActionList("")
			if err != nil {
				b.Fatal(err)
			}
			n = len(list)
		}
		b.ReportMetric(float64(n), "actions")
	})
}
