package coach

// TrendRow is one rating the trend charts draw, with a short name for the
// row (a chart needs a name, not a question).
type TrendRow struct {
	ID    string
	Label string // "Autonomy"
	Short string // "Aut", a column heading in the team view
}

// TrendGroup is a set of rows drawn together, under a title.
type TrendGroup struct {
	Title string
	Rows  []TrendRow
}

// Trends are the ratings attend follows over time: the core needs and
// workload (about them), and the manager's own check-in (about you).
var Trends = []TrendGroup{
	{Title: "Core needs and workload, one column a session (taller is better)", Rows: []TrendRow{
		{"needs.autonomy", "Autonomy", "Aut"},
		{"needs.belonging", "Belonging", "Bel"},
		{"needs.competence", "Competence", "Com"},
		{"needs.workload", "Workload", "Wkl"},
	}},
	{Title: "You: how you arrived, and how you left", Rows: []TrendRow{
		{"checkin.energy", "Arriving", "In"},
		{"reflect.leaving", "Leaving", "Out"},
	}},
}

// TrendLegend explains the team view's column headings.
const TrendLegend = "Aut autonomy · Bel belonging · Com competence · Wkl workload (5 is sustainable) · In how you arrived · Out how you left · – not rated"

// NotRated is how every screen says a rating was not given.
const NotRated = "not rated"
