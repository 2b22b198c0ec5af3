package coach

// TrendGroup is a set of ratings the trend charts draw together, under a
// heading. The words (the heading, each row's name and its short column
// heading) are in the message catalogue, under trend.group.ID,
// trend.row.ITEM and trend.short.ITEM.
type TrendGroup struct {
	ID    string
	Items []string // the rated prompts, by id
}

// Trends are the ratings attend follows over time: the core needs and
// workload (about them), and the manager's own energy arriving and leaving.
var Trends = []TrendGroup{
	{ID: "needs", Items: []string{"needs.autonomy", "needs.belonging", "needs.competence", "needs.workload"}},
	{ID: "you", Items: []string{"checkin.energy", "reflect.leaving"}},
}
