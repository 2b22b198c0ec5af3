package coach

// The demo's stories. Each session of a demo follows one story, told in the
// order a manager lives it: the prep before the meeting, the record written
// with the staff member (their words, what would help, the ratings rated
// together), the actions agreed, and the reflection after. A story runs over
// one to three sessions (beats): it starts, carries on, and settles. A
// person's stories follow one another, so that their record reads as one
// working life.
//
// Placeholders, filled the same way for the whole of one story:
// {first} the staff member's first name, {colleague} a colleague, {resident}
// someone they support, {place} a town, {setting} where they work.
//
// Everything here is made up. Any likeness to a real person is chance.

// demoStory is one scenario.
type demoStory struct {
	key string // a short name, used by tests and nowhere else
	// opener marks a story that only starts a person's record (new to the
	// role); single marks one that never follows itself.
	opener bool
	beats  []demoBeat
}

// demoBeat is one session of a story.
type demoBeat struct {
	// ratings bound autonomy, belonging, competence and workload (in the
	// order of NeedIDs): each is drawn from lo to hi. A zero pair leaves the
	// person's own level.
	ratings [4][2]int
	// energy nudges the manager's own energy: a hard story weighs on them.
	energy int
	// text holds, for each prompt id, the ways the answer might be put;
	// one is chosen. A rating's id holds notes on that rating.
	text map[string][]string
	// actions are agreed in this session; the first of a beat with a beat
	// after it is always done before the next session (the next beat
	// speaks of it).
	actions []demoAct
}

// demoAct is an action as agreed: its words, who carries it (the verb
// says: "Book X onto…" is the manager's, "Complete the e-learning" theirs),
// and why it might be dropped.
type demoAct struct {
	text  string
	owner Owner
	drop  string
}

var demoStories = []demoStory{
	{key: "rota", beats: []demoBeat{
		{
			ratings: [4][2]int{{2, 3}, {3, 4}, {3, 4}, {1, 2}},
			energy:  -1,
			text: map[string][]string{
				"checkin.assumptions": {"That {first} will want to talk about the rota. I'm assuming it's all about hours; it may be about being asked last-minute, every time."},
				"attend.fascination":  {"Whether they say \"we\" or \"I\" about the weekends. If it's \"I\", they're carrying it alone."},
				"understand.curious":  {"What a weekend as senior on {setting} actually looks like with two gaps on the rota. I only see the rota, not the shift."},
				"understand.outside":  {"The agency can't send anyone who knows the residents, and the council's brokerage team keeps sending new packages our way."},
				"empathise.safe":      {"Say first that I know the rota has had gaps for weeks and that it's landed on them. Then stop talking."},
				"help.offer":          {"Bank staff who know the residents for the Tuesday lates. Time back in lieu for the weekends."},
				"help.upwards":        {"The vacancies and the agency spend: the RI needs to hear it from me, with numbers."},
				"strain.need":         {"Workload, plainly, and autonomy with it: the rota is being done to them."},
				"strain.pressure":     {"I'll want to fix the rota in the room. Ask what they'd do first."},
				"agenda.theirs":       {"The rota gaps on weekend nights, and being senior on shift three weekends running."},
				"agenda.said": {
					"\"I said yes to the first weekend because someone had to. By the third I was just tired. I don't mind helping, but I'm always the one who gets the phone call.\"",
					"\"There were two of us on for twelve residents on Saturday night. Nobody got hurt, but I went home and couldn't sleep for going over it.\"\n\n\"I know it's not your fault there's no staff. I just need it not to be me every time.\"",
				},
				"agenda.help":      {"\"Someone who knows the residents on Tuesday lates, so I can leave on time.\"", "\"Knowing the rota a month ahead, not a week.\""},
				"needs.workload":   {"Three weekends as senior in a row.", "Two gaps on nights most weeks."},
				"needs.autonomy":   {"Being asked last-minute, with no real choice."},
				"team.goals":       {"Care is holding up, but the night checks are slipping when there are only two on."},
				"reflect.control":  {"When they listed the gaps I started filling them out loud. I stopped and asked what they would do."},
				"reflect.team":     {"How we share the weekends: it always lands on the same three people."},
				"empathise.steady": {"I feel defensive about the rota. Notice it; don't act on it."},
			},
			actions: []demoAct{
				{"Find bank staff who know the residents to fill the Tuesday late gaps on the rota", OwnerMe, "The bank team had no one; agency filled it instead"},
				{"Review the rota so no one is senior three weekends running", OwnerMe, "Overtaken by the new rota pattern"},
				{"Mark the weekends they can't do in the rota book", OwnerThem, "They told me in person instead"},
			},
		},
		{
			ratings: [4][2]int{{2, 3}, {3, 4}, {3, 4}, {2, 3}},
			text: map[string][]string{
				"checkin.assumptions": {"That the bank cover has sorted the rota. It might only have moved the gap to another night."},
				"understand.curious":  {"Whether the Tuesday cover has made a difference on the shift itself, not just on paper."},
				"help.offer":          {"Try self-rostering for a month: the team swaps among themselves and I sign it off."},
				"strain.need":         {"Still workload, but less raw than last time."},
				"agenda.theirs":       {"How the rota has been since the bank cover started, and the gaps that are left."},
				"agenda.said":         {"\"The Tuesday lates are better. I got home for tea twice last week, which hasn't happened since spring. Weekends are still thin, though.\""},
				"agenda.help":         {"\"Being able to swap shifts with the others without waiting for sign-off.\""},
				"needs.workload":      {"Better on Tuesdays; weekends still heavy."},
				"team.goals":          {"Night checks back on track on the nights with three on."},
				"reflect.behaviours":  {"Attending and understanding came easily. I nearly skipped empathising when they said they were still tired."},
				"reflect.team":        {"Self-rostering: whether the whole team would want it."},
			},
			actions: []demoAct{
				{"Try the rota swap sheet for a month and tell me how it goes", OwnerThem, "The team preferred to keep swaps through me"},
				{"Raise the weekend vacancies and agency spend with the RI", OwnerMe, "The RI raised it at the provider meeting first"},
			},
		},
		{
			ratings: [4][2]int{{3, 4}, {4, 4}, {4, 4}, {3, 4}},
			energy:  1,
			text: map[string][]string{
				"checkin.assumptions": {"That the rota is sorted now the two new starters are in. Check it feels that way to them."},
				"understand.curious":  {"What made the difference: the swaps, the new starters, or both."},
				"agenda.theirs":       {"The rota, now it has settled, and what they want next."},
				"agenda.said":         {"\"The rota's the best it's been all year. The new starters are good, and the swap sheet means I can actually plan my weekends.\""},
				"agenda.help":         {"\"Keep the swap sheet. Honestly, that's it.\""},
				"needs.workload":      {"Rota settled; back to contracted hours."},
				"needs.autonomy":      {"Swaps their own shifts now."},
				"team.goals":          {"Night checks all done on time for a month. Proud of that."},
				"reflect.talking":     {"They did, mostly. It was a relief to hear."},
				"reflect.team":        {"Keep self-rostering; it has given the team some control back."},
			},
			actions: []demoAct{
				{"Show the new starters how the rota swap sheet works", OwnerThem, "The new starters picked it up on their own"},
			},
		},
	}},

	{key: "bereavement", beats: []demoBeat{
		{
			ratings: [4][2]int{{3, 4}, {3, 4}, {3, 4}, {2, 3}},
			energy:  -1,
			text: map[string][]string{
				"checkin.head":        {"{resident} died on Thursday. I knew them too; I need a minute before I go in."},
				"checkin.assumptions": {"That {first} will say they're fine. They cared for {resident} for six years."},
				"attend.fascination":  {"What they don't say about {resident}. Give the silences room."},
				"understand.curious":  {"What the last days were like on shift, and who was with {resident} at the end."},
				"understand.outside":  {"The family, the funeral directors and the GP's paperwork, all in the same week."},
				"empathise.safe":      {"Name the loss first. Don't rush to the rota or the room."},
				"empathise.steady":    {"Sadness about {resident}; I knew them too. That's allowed, but this hour is theirs."},
				"help.offer":          {"Time off the floor this week, and the Employee Assistance Programme if they want it."},
				"help.others":         {"The palliative care team offered to come and talk with the staff."},
				"strain.need":         {"Belonging, maybe: a lot of the team are grieving separately."},
				"agenda.theirs":       {"{resident}'s death last week, and how the team is."},
				"agenda.said": {
					"\"I was with them at the end. I'm glad I was. It was peaceful, and their daughter got there in time.\"\n\n\"It's the empty room that gets me. I keep going to knock.\"",
					"\"Six years I looked after {resident}. People think you get used to it. You don't, not really.\"",
				},
				"agenda.help":        {"\"A chance for the team to talk about {resident} together, not just get on with it.\""},
				"needs.belonging":    {"The team has pulled together, but everyone is quiet."},
				"needs.competence":   {"Proud of the end of life care, and exhausted."},
				"team.goals":         {"The end of life care plan was followed to the letter; the family wrote to thank the team."},
				"reflect.behaviours": {"Empathising, I hope. Helping came too fast at the end: I was offering leave before they had finished."},
				"reflect.team":       {"How we mark a death on the unit. We have no way of doing it together."},
			},
			actions: []demoAct{
				{"Book a debrief for the team after the funeral", OwnerMe, "The team chose to meet at the funeral tea instead"},
				{"Ask the family whether staff may come to the funeral", OwnerMe, "The family asked for a private funeral"},
				{"Contact the Employee Assistance Programme if it would help", OwnerThem, "They decided they didn't need it"},
			},
		},
		{
			ratings: [4][2]int{{3, 4}, {4, 5}, {4, 4}, {3, 4}},
			text: map[string][]string{
				"checkin.assumptions": {"That they've moved on since the funeral. Grief isn't tidy; ask."},
				"understand.curious":  {"How the debrief felt from where they sat."},
				"agenda.theirs":       {"The debrief after {resident}'s funeral, and a memory book for the lounge."},
				"agenda.said":         {"\"The debrief helped more than I thought it would. We laughed, which felt wrong and then didn't. I'd like to make a memory book, so the next family sees we remember.\""},
				"agenda.help":         {"\"An hour off the floor to put the memory book together.\""},
				"needs.belonging":     {"The team talked together for the first time in months."},
				"team.goals":          {"Wants to lead on end of life care for the unit."},
				"team.learning":       {"The end of life care course with the hospice in {place}."},
				"reflect.talking":     {"They did. I mostly listened, which was right."},
			},
			actions: []demoAct{
				{"Put the memory book together and leave it in the lounge", OwnerThem, "The family asked to keep the photographs"},
				{"Book {first} onto the hospice's end of life care course", OwnerMe, "The course was cancelled by the hospice"},
			},
		},
	}},

	{key: "newrole", opener: true, beats: []demoBeat{
		{
			ratings: [4][2]int{{2, 3}, {3, 4}, {2, 3}, {3, 3}},
			text: map[string][]string{
				"checkin.assumptions": {"That because {first} was a great carer they'll be a confident senior. Those aren't the same thing."},
				"attend.opening":      {"Ask how the first weeks as senior have felt, before anything about targets."},
				"understand.curious":  {"Which parts of the senior role feel strange: the medication round, the handover, or telling friends what to do."},
				"understand.outside":  {"The pharmacy and the GP surgery: they've never had to deal with either directly."},
				"empathise.safe":      {"Tell them everyone finds the first months hard, me included. Ask what's been hardest."},
				"help.offer":          {"Shadow shifts with {colleague}, and the medication e-learning in work time."},
				"help.decide":         {"How they run handover: it's their shift now."},
				"strain.need":         {"Competence: they're good, but they don't feel it yet."},
				"agenda.theirs":       {"Their first month as senior on {setting}."},
				"agenda.said":         {"\"I keep thinking someone will notice I don't know what I'm doing. The medication round takes me twice as long as it takes {colleague}.\"", "\"It's strange being in charge of people I was on the floor with a month ago.\""},
				"agenda.help":         {"\"A couple of shifts alongside {colleague}, so I can see how they do it.\""},
				"needs.competence":    {"Unsure on the medication round and the care planning system."},
				"needs.autonomy":      {"Still checking everything with me first."},
				"team.learning":       {"The Level 3 diploma, when they feel settled."},
				"team.goals":          {"Wants the medication round done without rushing by Christmas."},
				"reflect.behaviours":  {"Understanding, mostly. I skipped empathising when they talked about being in charge of friends; come back to it."},
				"reflect.control":     {"I started explaining the MAR charts instead of asking what they already knew."},
			},
			actions: []demoAct{
				{"Arrange two shadow shifts with {colleague}", OwnerMe, "{colleague} went off sick; rearranged next time"},
				{"Complete the medication e-learning", OwnerThem, "Replaced by the pharmacy's own training"},
				{"Read the senior handbook and bring questions next time", OwnerThem, "We went through it together on shift instead"},
			},
		},
		{
			ratings: [4][2]int{{3, 4}, {3, 4}, {3, 3}, {3, 3}},
			text: map[string][]string{
				"checkin.assumptions": {"That the shadow shifts fixed everything. They'll have found new things that worry them."},
				"understand.curious":  {"What they learnt from watching {colleague}, and what they'd do differently."},
				"agenda.theirs":       {"How the shadow shifts went, and starting the diploma."},
				"agenda.said":         {"\"Watching {colleague} helped. They don't know everything either; they just ask. I've stopped pretending I know and the round is quicker.\""},
				"agenda.help":         {"\"Protected time for the diploma, even two hours a fortnight.\""},
				"needs.competence":    {"More confident on the round; care planning still slow."},
				"team.learning":       {"Level 3 diploma in Health and Social Care, starting in the spring."},
				"help.offer":          {"Two hours' protected diploma time a fortnight."},
			},
			actions: []demoAct{
				{"Book {first} onto the Level 3 diploma", OwnerMe, "No places until the autumn intake"},
				{"Set up two hours' protected diploma time a fortnight", OwnerMe, "The rota couldn't hold it this month"},
			},
		},
		{
			ratings: [4][2]int{{4, 4}, {4, 4}, {4, 5}, {3, 4}},
			energy:  1,
			text: map[string][]string{
				"checkin.assumptions": {"That they're fine now. They probably are, but let them say what's next."},
				"agenda.theirs":       {"A few months as senior: what's gone well, and what's next."},
				"agenda.said":         {"\"I led the handover for the inspection and didn't even think about it until afterwards. That's when I knew I'd got there.\""},
				"agenda.help":         {"\"Maybe mentoring the next new senior. I know what it's like.\""},
				"needs.competence":    {"Led the handover during the CIW visit."},
				"team.goals":          {"Two diploma units done; the medication audit came back clean."},
				"reflect.talking":     {"They did, and they led the agenda. Quite a change from the first month."},
			},
			actions: []demoAct{
				{"Ask {first} to buddy the next new senior", OwnerMe, "No new senior this year after all"},
			},
		},
	}},

	{key: "complaint", beats: []demoBeat{
		{
			ratings: [4][2]int{{3, 3}, {2, 3}, {2, 3}, {2, 3}},
			energy:  -1,
			text: map[string][]string{
				"checkin.head":        {"The complaint from {resident}'s family. It is about {first}'s shift, but it isn't an investigation; keep it that way."},
				"checkin.assumptions": {"That they'll be defensive. They might just be upset."},
				"attend.fascination":  {"How they tell it: what they noticed about {resident} that evening."},
				"understand.curious":  {"What happened on the evening the family visited, from where {first} stood."},
				"understand.outside":  {"The family, who are frightened about {resident}'s memory, and the social worker, who has been asked to review the care plan."},
				"empathise.safe":      {"Say straight away that a complaint is not a finding, and that I want their account, not a defence."},
				"empathise.steady":    {"I want this closed quickly. That's my pressure, not theirs."},
				"help.offer":          {"Time on shift to write their account, and me at the family meeting with them."},
				"help.upwards":        {"Let the RI know before the family writes again."},
				"strain.need":         {"Competence: one complaint and they're doubting years of good care."},
				"strain.pressure":     {"The complaint deadline. I'll want the account today, not when they're ready."},
				"agenda.theirs":       {"The complaint from {resident}'s family about the evening call."},
				"agenda.said":         {"\"I was forty minutes late because the call before ran over; {resident} had fallen and I wasn't leaving them. I'd do the same again. But I understand why the family were scared.\"", "\"The daughter said I didn't care. That's the bit I can't stop hearing.\""},
				"agenda.help":         {"\"Being there when you meet the family, so they hear it from me.\""},
				"needs.competence":    {"Shaken by the complaint; doubting themselves."},
				"needs.belonging":     {"Worried the team thinks less of them."},
				"team.goals":          {"Quality of care good; call times on the evening round are the problem, not the care."},
				"reflect.control":     {"When they talked about the timings I went straight to the complaints procedure. Should have waited."},
				"reflect.team":        {"What we tell families when a call runs late."},
			},
			actions: []demoAct{
				{"Write their account of the evening for the complaint file", OwnerThem, "The family withdrew the complaint before it was needed"},
				{"Send the family an acknowledgement within five working days", OwnerMe, "The RI wrote to them directly"},
				{"Meet the family, with {first} there if they want", OwnerMe, "The family preferred a phone call"},
			},
		},
		{
			ratings: [4][2]int{{3, 4}, {3, 4}, {3, 4}, {3, 3}},
			text: map[string][]string{
				"checkin.assumptions": {"That closing the complaint means it's over for them."},
				"understand.curious":  {"How the family meeting felt for {first}, and whether they'd want anything different next time."},
				"agenda.theirs":       {"The family meeting, and the complaint closing."},
				"agenda.said":         {"\"The daughter apologised at the end. I didn't expect that. I think she just needed to know someone was there when her mam fell.\""},
				"agenda.help":         {"\"A way to ring families when a call runs late, without using my own phone.\""},
				"needs.competence":    {"Steadier now the complaint is closed, not upheld."},
				"team.goals":          {"Learning shared: ring ahead when a call runs over."},
				"reflect.behaviours":  {"Attending and understanding. I let them tell it their way this time."},
			},
			actions: []demoAct{
				{"Share the learning about late calls at team meeting", OwnerThem, "Covered at the team day instead"},
				{"Ask the office for a work phone for the evening round", OwnerMe, "Finance said no; we use the office phone to ring ahead"},
			},
		},
	}},

	{key: "flexible", beats: []demoBeat{
		{
			ratings: [4][2]int{{1, 2}, {3, 4}, {3, 4}, {2, 3}},
			text: map[string][]string{
				"checkin.assumptions": {"That {first} is going to ask for fewer hours. I don't know that; let them say."},
				"attend.fascination":  {"What's behind the request. Let them tell it."},
				"understand.curious":  {"What mornings look like for them at home, and what pattern would actually work."},
				"understand.outside":  {"School times, and the childminder in {place} who can't do before eight."},
				"empathise.safe":      {"Make it clear a flexible working request is their right, not a favour, and that asking won't count against them."},
				"empathise.private":   {"Only what they want written: that mornings are hard at home. Nothing more."},
				"help.offer":          {"Look at the rota together for Thursday mornings."},
				"help.others":         {"HR, about the process and the time limits."},
				"strain.need":         {"Autonomy: they have no say over their hours at the moment."},
				"agenda.theirs":       {"A flexible working request: starting at ten on Thursdays and Fridays."},
				"agenda.said":         {"\"I don't want to go part-time. I just can't do eight o'clock starts two days a week any more, not with the school run.\"", "\"I've been putting off asking for months because I thought you'd say no.\""},
				"agenda.help":         {"\"A ten o'clock start on Thursdays and Fridays.\""},
				"needs.autonomy":      {"No say over start times at the moment."},
				"needs.workload":      {"The hours are fine; it's when they fall."},
				"team.inclusion":      {"Worried the others will think they're getting special treatment."},
				"reflect.control":     {"I started working out the rota in my head while they were still talking."},
			},
			actions: []demoAct{
				{"Put the flexible working request in writing", OwnerThem, "Agreed informally; no written request needed"},
				{"Check whether the rota can cover Thursday and Friday mornings", OwnerMe, "Covered by the new rota pattern"},
				{"Reply to the request in writing within the time allowed", OwnerMe, "They withdrew the request after the informal trial"},
			},
		},
		{
			ratings: [4][2]int{{4, 4}, {4, 4}, {3, 4}, {3, 4}},
			energy:  1,
			text: map[string][]string{
				"checkin.assumptions": {"That the new pattern is working. It's only been a few weeks."},
				"understand.curious":  {"Whether the later start has knocked on to anyone else."},
				"agenda.theirs":       {"How the trial of the ten o'clock starts is going."},
				"agenda.said":         {"\"It's made more difference than I thought. I'm not arriving already frazzled. {colleague} has been brilliant about covering the early meds.\""},
				"agenda.help":         {"\"Make it permanent, if the trial works for the team too.\""},
				"needs.autonomy":      {"Trial pattern agreed; they chose it."},
				"team.inclusion":      {"The team have been fine about it. {colleague} has asked about a similar pattern."},
			},
			actions: []demoAct{
				{"Review the trial pattern with {first} in six weeks", OwnerMe, "Made permanent without a review, at their request"},
				{"Tell me if the later start stops working for the team", OwnerThem, "No need: it kept working"},
			},
		},
	}},

	{key: "training", beats: []demoBeat{
		{
			ratings: [4][2]int{{3, 4}, {3, 4}, {3, 3}, {3, 3}},
			text: map[string][]string{
				"checkin.head":        {"The training matrix for the inspection. Several people overdue, {first} among them."},
				"checkin.assumptions": {"That {first} has been avoiding the training. More likely there's been no time on shift."},
				"understand.curious":  {"What gets in the way of the e-learning: time, the computer, or confidence."},
				"understand.outside":  {"Social Care Wales registration renewal is due, and the CIW will look at the training matrix."},
				"empathise.safe":      {"Say it isn't a telling-off: the matrix is late across the whole team, and that's partly on me."},
				"help.offer":          {"Time off the floor for the e-learning, and a place on the next moving and handling refresher."},
				"help.decide":         {"Which order they do the modules in."},
				"strain.need":         {"Competence, a little: they're worried the gaps say something about them."},
				"agenda.theirs":       {"Overdue training, and renewing their registration with Social Care Wales."},
				"agenda.said":         {"\"I start the e-learning on my break and then the bell goes. I'd rather do it properly than click through it.\""},
				"agenda.help":         {"\"An afternoon off the floor to get the modules done in one go.\""},
				"needs.competence":    {"Worried the overdue modules look bad."},
				"team.learning":       {"Moving and handling refresher; safeguarding e-learning; registration renewal."},
				"team.goals":          {"Care is good; the paperwork of training is what's behind."},
				"reflect.control":     {"I listed the overdue modules before asking how they were."},
			},
			actions: []demoAct{
				{"Book {first} onto the moving and handling refresher", OwnerMe, "The provider cancelled; booked for next quarter"},
				{"Complete the safeguarding e-learning", OwnerThem, "Done face to face with the local authority instead"},
				{"Renew registration with Social Care Wales", OwnerThem, "Renewed automatically with the employer's return"},
				{"Free an afternoon off the floor for training", OwnerMe, "Short staffed that week; done on a quieter day instead"},
			},
		},
		{
			ratings: [4][2]int{{3, 4}, {4, 4}, {4, 5}, {3, 4}},
			text: map[string][]string{
				"checkin.assumptions": {"That the training is all done. Check, don't assume."},
				"agenda.theirs":       {"Training: what's done, and what they'd like to learn next."},
				"agenda.said":         {"\"All done, and the afternoon off the floor made it bearable. The moving and handling refresher was actually useful: there's a new way with the hoist I didn't know.\""},
				"agenda.help":         {"\"Work Welsh. I'd like to talk to the residents who are first-language Welsh in Welsh.\""},
				"needs.competence":    {"Training up to date; showing others the new hoist technique."},
				"team.learning":       {"Work Welsh entry course, on work time."},
			},
			actions: []demoAct{
				{"Look up Work Welsh course dates", OwnerMe, "The course filled before I booked"},
				{"Show the team the new hoist technique at handover", OwnerThem, "The trainer came in to show everyone"},
			},
		},
	}},

	{key: "goodmonth", beats: []demoBeat{
		{
			ratings: [4][2]int{{4, 5}, {4, 5}, {4, 5}, {3, 4}},
			energy:  1,
			text: map[string][]string{
				"checkin.assumptions": {"That a good month means there's nothing to talk about. Make room anyway."},
				"attend.opening":      {"Start with thanks, and mean it, then ask what they want to use the time for."},
				"understand.curious":  {"What made this month go well, so we can do more of it."},
				"empathise.safe":      {"Let them enjoy it without me looking for the catch."},
				"help.offer":          {"Nothing they need, perhaps; ask what would make next month as good."},
				"strain.need":         {"None badly. Workload, if anything, as ever."},
				"agenda.theirs":       {"A good month: {resident}'s birthday, and the new activities."},
				"agenda.said":         {"\"It's been a good month, honestly. {resident} had their ninetieth and the family brought a cake the size of a table. We had the harpist in on Friday and half the lounge was singing in Welsh.\"", "\"I feel like I'm doing the job I came into care to do.\""},
				"agenda.help":         {"\"Keep the Friday activities going.\"", "\"Nothing right now. Diolch for asking.\""},
				"needs.belonging":     {"The team feels close at the moment."},
				"needs.competence":    {"Families ask for them by name."},
				"team.goals":          {"Falls are down since the new night checks; the activities plan is theirs."},
				"reflect.talking":     {"They did, and it was good to hear."},
				"reflect.control":     {"Not today; the pressure was low."},
			},
			actions: []demoAct{
				{"Share the activities plan with the other units", OwnerThem, "The other units have their own"},
				{"Nominate {first} for the staff recognition award", OwnerMe, "The awards were postponed"},
			},
		},
	}},

	{key: "return", beats: []demoBeat{
		{
			ratings: [4][2]int{{3, 4}, {2, 3}, {3, 3}, {2, 3}},
			text: map[string][]string{
				"checkin.assumptions": {"That {first} will want to pick up where they left off. Six weeks off changes things."},
				"attend.fascination":  {"How they are, not how soon they can do full shifts."},
				"understand.curious":  {"What has changed on the unit while they were away that nobody has told them."},
				"understand.outside":  {"Occupational health's advice, and the GP's fit note with its phased hours."},
				"empathise.safe":      {"Say they don't have to tell me why they were off; I only need to know what helps now."},
				"empathise.private":   {"Only the fit note's adjustments. Their health is theirs."},
				"help.offer":          {"A phased return as occupational health advised, and no nights for the first month."},
				"help.others":         {"Occupational health, for a follow-up in four weeks."},
				"strain.need":         {"Belonging: they've missed six weeks of the team."},
				"agenda.theirs":       {"Coming back after six weeks' sick leave, and the phased hours."},
				"agenda.said":         {"\"I'm glad to be back, I think. I'm nervous about the long days. And I don't know half the new residents' names.\"", "\"I don't want to be treated like I'm made of glass. But I don't want to be thrown on nights either.\""},
				"agenda.help":         {"\"Keeping to the phased hours, even when the rota's short.\""},
				"needs.workload":      {"Phased hours: four-hour shifts for two weeks."},
				"needs.belonging":     {"Feels out of the loop after six weeks."},
				"team.inclusion":      {"Wants a proper catch-up with the team, not just the handover sheet."},
				"reflect.behaviours":  {"Attending, yes. I nearly skipped empathising when they said they were nervous; I went back to it."},
				"reflect.control":     {"The rota is short and I wanted them on full days. I didn't say it, and I mustn't."},
			},
			actions: []demoAct{
				{"Agree the phased return hours with occupational health", OwnerMe, "Occupational health agreed them directly with {first}"},
				{"Book the occupational health follow-up in four weeks", OwnerMe, "Not needed: back to full hours early"},
				{"Tell me if the phased hours aren't working", OwnerThem, "They were working"},
			},
		},
		{
			ratings: [4][2]int{{3, 4}, {3, 4}, {4, 4}, {3, 4}},
			energy:  1,
			text: map[string][]string{
				"checkin.assumptions": {"That they're back to normal because they're back to full hours."},
				"agenda.theirs":       {"Back on full hours, and how it feels."},
				"agenda.said":         {"\"It feels like me again. The phased hours were the right call; I'd have gone under if I'd come straight back to twelve-hour days.\""},
				"agenda.help":         {"\"Nights again from next month, but one a week to start.\""},
				"needs.belonging":     {"Back in the thick of it with the team."},
				"needs.workload":      {"Full hours, no nights yet."},
			},
			actions: []demoAct{
				{"Put one night a week on the rota from next month", OwnerMe, "They chose to stay on days"},
			},
		},
	}},
}

// demoGeneric answers prompts a story leaves unsaid: words that fit any
// session, so that nothing contradicts the story.
var demoGeneric = map[string][]string{
	"checkin.head": {
		"My own supervision got cancelled again. Noting it, not bringing it into this room.",
		"Budget meeting with the council tomorrow. Phone off, notebook closed.",
		"A bit of hiraeth after the weekend in {place}; a short walk round the block before we meet.",
		"Two sickness calls before eight. Five minutes with a paned first, so I'm not carrying that in.",
		"The CIW report is due back this week. I'll write the worries down and leave the list in the office.",
	},
	"checkin.support": {
		"{colleague}, the other deputy, diolch byth. We swap sessions when one of us is stretched.",
		"The peer support group on Thursdays keeps me going. I need to actually go this month.",
		"My manager, mostly by phone. I need an hour, not ten minutes between calls.",
	},
	"attend.opening": {
		"Ask what they want to use the time for, and wait.",
		"Start with a paned and \"how are you, really?\", then let {first} lead.",
		"\"What's been on your mind since last time?\" and then quiet.",
	},
	"attend.fascination": {
		"Phone in the drawer, door shut. Listen for what they say twice.",
		"Their energy when they talk about the people they support, against the paperwork.",
	},
	"attend.language": {
		"Yes: {first} prefers Cymraeg for supervision, so we'll hold it in Welsh and I'll write up in English.",
		"Offered; {first} is learning and wants to try the first ten minutes in Welsh.",
		"Offered; {first} prefers English. Noted the active offer.",
	},
	"empathise.safe": {
		"Ask how they are before anything else, and wait for the real answer.",
	},
	"team.inclusion": {
		"Everyone included, they think, though the night staff rarely hear the news from team meetings.",
		"The new carers from overseas sit together at break; {first} has started inviting them over.",
		"Bank staff aren't on the group chat, so they miss changes to care plans.",
	},
	"team.goals": {
		"Care plans up to date; two reviews booked.",
		"Medication audit came back clean.",
	},
	"team.learning": {
		"None this time; they asked for a breather.",
		"Positive behaviour support refresher, when there's a date.",
	},
	"reflect.talking": {
		"They did, mostly. I caught myself twice wanting to fill the silence.",
		"Me, too much at the start. Better after the first ten minutes.",
		"About even. They led the agenda.",
	},
	"reflect.behaviours": {
		"All four, I think, but understanding was the hardest.",
		"Attending and understanding. Helping came a little fast.",
	},
}

// demoRatingNote is a note for a rating with no note from the story.
var demoRatingNote = [5][2][]string{
	{ // the manager's energy: low, high
		{"Short night.", "Back-to-back since seven.", "Two sickness calls before eight.", "Winter pressures, and it shows."},
		{"Good weekend in {place}.", "Slept well for once.", "Walked in along the river; clear head."},
	},
	{{"Little say over how the work is done."}, {"Runs the round their way."}},
	{{"Feeling a bit on the edge of the team."}, {"Everyone's go-to on shift."}},
	{{"Unsure of themselves at the moment."}, {"Mentoring two new starters."}},
	{{"Stretched; extra calls added."}, {"Manageable this month."}},
}
