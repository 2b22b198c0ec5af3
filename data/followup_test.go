package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"attend/coach"
)

// openTexts is the action texts OpenActions gives, in its order.
func openTexts(t testing.TB, s *Store, personID string) []string {
	t.Helper()
	refs, err := s.OpenActions(personID)
	if err != nil {
		t.Fatalf("OpenActions: %v", err)
	}
	var out []string
	for _, r := range refs {
		out = append(out, r.Action.Text)
	}
	return out
}

func TestCarriedActionsSurviveSkippedMeetings(t *testing.T) {
	s := openTest(t, testPath(t))
	sian := mustPerson(t, s, "Siân Ŵyn")
	aled := mustPerson(t, s, "Aled Evans")

	// Session 1 agrees two actions; session 2 is a month late and says
	// nothing of them; session 3 agrees one more. Nothing was marked.
	first := prep(s, sian, day(2026, 1, 14), "January")
	first.Actions = []coach.Action{
		{Text: "Book the moving and handling refresher", Owner: coach.OwnerThem, Due: day(2026, 2, 1)},
		{Text: "Ask HR about the training budget", Owner: coach.OwnerMe},
	}
	first, err := s.SaveSession(first)
	if err != nil {
		t.Fatal(err)
	}
	second := prep(s, sian, day(2026, 5, 20), "May, after two missed meetings")
	second.Actions = nil
	if _, err := s.SaveSession(second); err != nil {
		t.Fatal(err)
	}
	third := prep(s, sian, day(2026, 8, 5), "August")
	third.Actions = []coach.Action{{Text: "Shadow the night senior", Owner: coach.OwnerThem, Due: day(2026, 8, 19)}}
	if _, err := s.SaveSession(third); err != nil {
		t.Fatal(err)
	}
	other := prep(s, aled, day(2026, 3, 3), "Aled")
	other.Actions = []coach.Action{{Text: "Aled's action", Owner: coach.OwnerMe, Due: day(2026, 1, 20)}}
	if _, err := s.SaveSession(other); err != nil {
		t.Fatal(err)
	}

	// Overdue first (the longest overdue first), undated last.
	want := []string{"Book the moving and handling refresher", "Shadow the night senior", "Ask HR about the training budget"}
	if got := openTexts(t, s, sian.ID); !slices.Equal(got, want) {
		t.Fatalf("Siân's open actions after three sessions: %q, want %q", got, want)
	}
	all := []string{"Aled's action", "Book the moving and handling refresher", "Shadow the night senior", "Ask HR about the training budget"}
	if got := openTexts(t, s, ""); !slices.Equal(got, all) {
		t.Fatalf("everyone's open actions: %q, want %q", got, all)
	}
	refs, _ := s.OpenActions(sian.ID)
	if r := refs[0]; r.PersonName != "Siân Ŵyn" || r.SessionID != first.ID || r.SessionDate != first.Date || !r.Overdue(day(2026, 11, 26)) {
		t.Errorf("ref %+v", r)
	}

	// Closing it takes it out; the session and its summary say so.
	carried := first.Actions[0]
	sess, err := s.SetActionStatus(first.ID, carried.ID, coach.ActionDone, "")
	if err != nil {
		t.Fatal(err)
	}
	if a := sess.Actions[0]; a.Status != coach.ActionDone || a.Closed.IsZero() {
		t.Errorf("closed action %+v", a)
	}
	if got := openTexts(t, s, sian.ID); !slices.Equal(got, want[1:]) {
		t.Errorf("after closing: %q", got)
	}
	if sums, _, _ := s.Summaries(sian.ID, "", 0); sums[2].ID != first.ID || sums[2].Open != 1 {
		t.Errorf("summary of the first session: %+v", sums[2])
	}

	// Dropping needs a reason; reopening brings it back.
	if _, err := s.SetActionStatus(first.ID, first.Actions[1].ID, coach.ActionDropped, "  "); !errors.Is(err, ErrInvalid) {
		t.Errorf("drop without a reason: %v", err)
	}
	if _, err := s.SetActionStatus(first.ID, first.Actions[1].ID, coach.ActionDropped, "No budget this year"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetActionStatus(first.ID, carried.ID, coach.ActionOpen, ""); err != nil {
		t.Fatal(err)
	}
	if got := openTexts(t, s, sian.ID); !slices.Equal(got, want[:2]) {
		t.Errorf("after reopening one and dropping the other: %q", got)
	}
	for _, tc := range []struct{ sess, action string }{{first.ID, "01M8B6K0X3AAAAAAAAAAAAAAAA"}, {"01M8B6K0X3AAAAAAAAAAAAAAAA", carried.ID}} {
		if _, err := s.SetActionStatus(tc.sess, tc.action, coach.ActionDone, ""); !errors.Is(err, ErrNotFound) {
			t.Errorf("SetActionStatus(%s, %s): %v", tc.sess, tc.action, err)
		}
	}
	if _, err := s.SetActionStatus(first.ID, carried.ID, "maybe", ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("a bad status: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}

	// Re-saving a session moves its entries; erasing a person takes theirs.
	moved, _ := s.Session(third.ID)
	moved.Date = day(2026, 8, 12)
	if _, err := s.SaveSession(moved); err != nil {
		t.Fatal(err)
	}
	if refs, _ := s.OpenActions(sian.ID); len(refs) != 2 || refs[1].SessionDate != moved.Date {
		t.Errorf("after moving the session: %+v", refs)
	}
	if _, err := s.Erase(sian.ID); err != nil {
		t.Fatal(err)
	}
	if got := openTexts(t, s, ""); !slices.Equal(got, []string{"Aled's action"}) {
		t.Errorf("after erasing Siân: %q", got)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestAfterTheMeeting(t *testing.T) {
	s := openTest(t, testPath(t))
	sian := mustPerson(t, s, "Siân Ŵyn")
	saved, err := s.SaveSession(prep(s, sian, day(2026, 11, 20), "Before"))
	if err != nil {
		t.Fatal(err)
	}

	// Complete: the record, one more action (blank ones dropped), the next date.
	done, err := s.CompleteSession(saved.ID, "  We talked about the rota.\nShe is tired.  ",
		[]coach.Action{{Text: "Swap Tuesday nights", Owner: coach.OwnerThem}, {Text: "  "}}, day(2027, 2, 24))
	if err != nil {
		t.Fatal(err)
	}
	if done.Said() != "We talked about the rota.\nShe is tired." || len(done.Actions) != 3 || done.Actions[2].ID == "" ||
		done.Actions[2].Status != coach.ActionOpen || done.NextSession() != day(2027, 2, 24) || done.IsAgreed() {
		t.Fatalf("completed: %+v", done)
	}
	if p, _ := s.Person(sian.ID); p.NextSession != day(2027, 2, 24) {
		t.Errorf("the person's next session: %v", p.NextSession)
	}
	// Completing again replaces the record, keeps the date, and an action
	// given with its id is changed in place.
	edit := done.Actions[2]
	edit.Text = "Swap Tuesday and Thursday nights"
	done, err = s.CompleteSession(saved.ID, "We talked about the rota.", []coach.Action{edit}, coach.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if len(done.Actions) != 3 || done.Actions[2].Text != edit.Text || done.NextSession() != day(2027, 2, 24) {
		t.Errorf("completed again: %+v", done)
	}

	// Agreed: read-only from now on.
	if _, err := s.AgreeSession(saved.ID, day(2026, 11, 19)); !errors.Is(err, ErrInvalid) {
		t.Errorf("agreed before the meeting: %v", err)
	}
	if _, err := s.AgreeSession(saved.ID, day(2026, 11, 27)); !errors.Is(err, ErrInvalid) {
		t.Errorf("agreed tomorrow: %v", err)
	}
	agreed, err := s.AgreeSession(saved.ID, day(2026, 11, 25))
	if err != nil {
		t.Fatal(err)
	}
	if agreed.Agreed != day(2026, 11, 25) {
		t.Fatalf("agreed %v", agreed.Agreed)
	}
	if sums, _, _ := s.Summaries("", "", 1); sums[0].Agreed != agreed.Agreed {
		t.Errorf("the summary does not say it was agreed: %+v", sums[0])
	}
	if again, err := s.AgreeSession(saved.ID, day(2026, 11, 25)); err != nil || !again.Updated.Equal(agreed.Updated) {
		t.Errorf("agreeing again on the same day should change nothing: %v", err)
	}
	if _, err := s.AgreeSession(saved.ID, coach.Date{}); !errors.Is(err, ErrAgreed) {
		t.Errorf("agreeing again on another day: %v", err)
	}

	before := exportJSON(t, s)
	edited := agreed
	edited.SetAnswer("checkin.energy", coach.Answer{Text: "Quietly changed"})
	_, err = s.SaveSession(edited)
	if !errors.Is(err, ErrAgreed) {
		t.Fatalf("SaveSession of an agreed record: %v", err)
	}
	want := "this record was agreed with Siân Ŵyn on Wed 25 Nov 2026 and is read-only; add a dated addendum instead"
	if err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if _, err := s.CompleteSession(saved.ID, "Rewritten", nil, coach.Date{}); !errors.Is(err, ErrAgreed) {
		t.Errorf("CompleteSession of an agreed record: %v", err)
	}
	if err := s.SaveSessions([]coach.Session{edited}); !errors.Is(err, ErrAgreed) {
		t.Errorf("SaveSessions of an agreed record: %v", err)
	}
	if after := exportJSON(t, s); string(after) != string(before) {
		t.Error("a refused change changed the record")
	}

	// Addenda are added, in order, dated; follow-ups still work.
	if _, err := s.AddAddendum(saved.ID, "   "); !errors.Is(err, ErrInvalid) {
		t.Errorf("an empty addendum: %v", err)
	}
	a1, err := s.AddAddendum(saved.ID, "Correction: the rota gap is Wednesdays.")
	if err != nil {
		t.Fatal(err)
	}
	a2, err := s.AddAddendum(saved.ID, " She asked for this to be noted too. ")
	if err != nil {
		t.Fatal(err)
	}
	if len(a2.Addenda) != 2 || a2.Addenda[0].Text != "Correction: the rota gap is Wednesdays." ||
		a2.Addenda[1].Text != "She asked for this to be noted too." || !a2.Addenda[1].At.After(a2.Addenda[0].At) ||
		!a2.Addenda[0].At.Equal(a1.Addenda[0].At) {
		t.Errorf("addenda %+v", a2.Addenda)
	}
	if a2.Said() != "We talked about the rota." || a2.Agreed != agreed.Agreed {
		t.Errorf("an addendum changed the record: %+v", a2)
	}
	if _, err := s.SetActionStatus(saved.ID, a2.Actions[0].ID, coach.ActionDone, ""); err != nil {
		t.Errorf("a follow-up on an agreed record: %v", err)
	}
	got, _ := s.Session(saved.ID)
	if len(got.Addenda) != 2 || got.Actions[0].Status != coach.ActionDone {
		t.Errorf("stored: %+v", got)
	}
	md := coach.Markdown(s.guide("en"), sian, got, coach.MarkdownOptions{})
	for _, want := range []string{"### Agreement", "We talked about the rota.", "Wed 25 Nov 2026", "Correction: the rota gap is Wednesdays."} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown record lacks %q:\n%s", want, md)
		}
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestSaveStaleCopyLosesNothing: a copy read before a follow-up, record or
// addendum was added, saved afterwards, keeps what was added.
func TestSaveStaleCopyLosesNothing(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Ann")
	copy1, err := s.SaveSession(prep(s, p, day(2026, 11, 20), "note"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetActionStatus(copy1.ID, copy1.Actions[0].ID, coach.ActionDone, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteSession(copy1.ID, "What we discussed", nil, coach.Date{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAddendum(copy1.ID, "Later note"); err != nil {
		t.Fatal(err)
	}
	copy1.SetAnswer("attend.opening", coach.Answer{Text: "An edit to the prep"})
	got, err := s.SaveSession(copy1)
	if err != nil {
		t.Fatal(err)
	}
	if got.Actions[0].Status != coach.ActionDone || got.Said() != "What we discussed" || len(got.Addenda) != 1 ||
		got.Answer("attend.opening").Text != "An edit to the prep" {
		t.Errorf("saved from a stale copy: %+v", got)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestSummariesCarryRatings(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Ann")
	for i, r := range []int{2, 3, 5} {
		sess := prep(s, p, day(2026, time.Month(i+1), 1), "x")
		sess.SetAnswer("needs.workload", coach.Answer{Rating: r})
		if _, err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	sums, _, err := s.Summaries(p.ID, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	pts := coach.Series(sums, "needs.workload")
	if len(pts) != 3 || pts[0].Rating != 2 || pts[2].Rating != 5 || pts[0].Date != day(2026, 1, 1) {
		t.Errorf("series %+v", pts)
	}
	if sums[0].Ratings["needs.belonging"] != 4 {
		t.Errorf("ratings %+v", sums[0].Ratings)
	}
}

func TestCompleteSessionIfNeverReplacesAnotherWindowsText(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Siân Ŵyn")
	sess := coach.NewSession(p.ID, "en", s.now())
	sess.SetAnswer("help.obstacle", coach.Answer{Text: "Hoist"})
	saved, err := s.SaveSession(sess)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteSessionIf(saved.ID, "", "From window A", nil, coach.Date{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CompleteSessionIf(saved.ID, "", "From window B", nil, coach.Date{}); !errors.Is(err, coach.ErrRecordChanged) {
		t.Fatalf("B replaced A's record: %v", err)
	}
	got, _ := s.Session(saved.ID)
	if got.Said() != "From window A" {
		t.Fatalf("record = %q", got.Said())
	}
	if _, err := s.CompleteSessionIf(saved.ID, "From window A", "From window A, added to", nil, coach.Date{}); err != nil {
		t.Fatalf("the window that wrote it could not go on: %v", err)
	}
}

// Found in a trial: a record with nothing in it could be marked agreed,
// and was then read-only for good. The store refuses it, whoever asks (the
// screens refuse it first); a prep alone or a blank action is not a record.
func TestAnEmptyRecordIsNotAgreed(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Siân Llŷr")
	sess := coach.NewSession(p.ID, "en", s.now())
	sess.SetAnswer("checkin.energy", coach.Answer{Rating: 3, Text: "tired"}) // the prep
	sess.Actions = []coach.Action{{Text: "   "}}
	saved, err := s.SaveSession(sess)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AgreeSession(saved.ID, coach.Date{}); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "nothing in its meeting record") {
		t.Fatalf("an empty record was agreed, or said so unclearly: %v", err)
	}
	if got, _ := s.Session(saved.ID); got.IsAgreed() {
		t.Fatal("the empty record is marked agreed")
	}
	written, err := s.SavePart(saved.ID, saved, coach.PartRecord, map[string]coach.Answer{"record.said": {Text: "The rota is better"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AgreeSession(written.ID, coach.Date{}); err != nil {
		t.Fatalf("a written record could not be agreed: %v", err)
	}
}
