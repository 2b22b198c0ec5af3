package data

import (
	"errors"
	"testing"

	"attend/coach"
)

// Did it help? The outcome is stored with the action (marking it done if it
// was open), is allowed on an agreed record, and reaches the summary the
// trends are drawn from.
func TestSetActionOutcome(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Siân Ŵyn")
	sess, err := s.SaveSession(prep(s, p, day(2026, 11, 20), "steady"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AgreeSession(sess.ID, day(2026, 11, 25)); err != nil {
		t.Fatal(err)
	}
	open := sess.Actions[0]
	got, err := s.SetActionOutcome(sess.ID, open.ID, coach.OutcomeHelped)
	if err != nil {
		t.Fatal(err)
	}
	if a := got.Actions[0]; a.Status != coach.ActionDone || a.Outcome != coach.OutcomeHelped || a.Closed.IsZero() {
		t.Errorf("after the outcome: %+v", a)
	}
	// A later answer replaces it, and keeps when it was done.
	again, err := s.SetActionOutcome(sess.ID, open.ID, coach.OutcomePartly)
	if err != nil || again.Actions[0].Outcome != coach.OutcomePartly || !again.Actions[0].Closed.Equal(got.Actions[0].Closed) {
		t.Errorf("changed outcome: %+v %v", again.Actions[0], err)
	}
	sums, _, err := s.Summaries(p.ID, "", 0)
	if err != nil || len(sums) != 1 || sums[0].Outcomes[coach.OutcomePartly] != 1 || len(sums[0].Outcomes) != 1 {
		t.Errorf("summary outcomes: %+v %v", sums, err)
	}
	if pts := coach.OutcomeSeries(sums); len(pts) != 1 || pts[0].Outcomes[coach.OutcomePartly] != 1 {
		t.Errorf("OutcomeSeries = %+v", pts)
	}
	// Not for a dropped action, nor a made-up outcome.
	if _, err := s.SetActionOutcome(sess.ID, sess.Actions[1].ID, "brilliant"); !errors.Is(err, ErrInvalid) {
		t.Errorf("a made-up outcome: %v", err)
	}
	if _, err := s.SetActionStatus(sess.ID, sess.Actions[1].ID, coach.ActionDropped, "not needed"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetActionOutcome(sess.ID, sess.Actions[1].ID, coach.OutcomeHelped); !errors.Is(err, ErrInvalid) {
		t.Errorf("an outcome on a dropped action: %v", err)
	}
	// Reopening clears it.
	re, err := s.SetActionStatus(sess.ID, open.ID, coach.ActionOpen, "")
	if err != nil || re.Actions[0].Outcome != "" {
		t.Errorf("reopened: %+v %v", re.Actions[0], err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
