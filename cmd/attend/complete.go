package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/data"
)

// Shell completion beyond command names: people's names, session and action
// ids, and the values of --format, --lang and --outcome. It reads the file
// as any read-only command does; an encrypted file without its passphrase
// file completes nothing rather than asking (a shell cannot answer).

// completions attaches completion to the commands that take a name or an id.
func completions(root *cobra.Command, o *options) {
	people := func(c *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completePeople(o, typed), cobra.ShellCompDirectiveNoFileComp
	}
	sessions := func(c *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completeSessions(o, typed), cobra.ShellCompDirectiveNoFileComp
	}
	actions := func(c *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completeActions(o, typed), cobra.ShellCompDirectiveNoFileComp
	}
	byName := map[string]cobra.CompletionFunc{
		"prep": people, "brief": people, "cadence": people, "trends": people,
		"show": sessions, "record": sessions, "addendum": sessions,
		"done": actions, "drop": actions,
	}
	values := map[string][]cobra.Completion{
		"format":  {"json", "md", "toml", "csv"},
		"lang":    {"en", "cy"},
		"outcome": {"helped", "partly", "notyet", "didntask"},
	}
	_ = root.RegisterFlagCompletionFunc("lang", fixed(values["lang"]))
	for _, c := range root.Commands() {
		if f, ok := byName[c.Name()]; ok {
			c.ValidArgsFunction = f
		}
		for flag, vals := range values {
			if c.Flags().Lookup(flag) != nil {
				_ = c.RegisterFlagCompletionFunc(flag, fixed(vals))
			}
		}
		if c.Flags().Lookup("person") != nil {
			_ = c.RegisterFlagCompletionFunc("person", func(c *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
				return completePeople(o, typed), cobra.ShellCompDirectiveNoFileComp
			})
		}
	}
}

func fixed(vals []cobra.Completion) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return vals, cobra.ShellCompDirectiveNoFileComp
	}
}

// quietStore opens the file read-only for completion: never asking for a
// passphrase, and nothing at all if it cannot be read.
func quietStore(o *options) *data.Store {
	path, err := o.dbPath()
	if err != nil {
		return nil
	}
	opt := data.Options{ReadOnly: true}
	if pass, given, err := o.passphraseFromFile(); err == nil && given {
		defer clear(pass)
		opt.Passphrase = pass
	}
	st, err := data.Open(path, opt)
	if err != nil {
		return nil
	}
	return st
}

func completePeople(o *options, typed string) []cobra.Completion {
	st := quietStore(o)
	if st == nil {
		return nil
	}
	defer st.Close()
	people, err := st.People()
	if err != nil {
		return nil
	}
	want := coach.Fold(typed)
	var out []cobra.Completion
	for _, p := range people {
		if strings.HasPrefix(coach.Fold(p.Name), want) {
			out = append(out, coach.SafeText(p.Name))
		}
	}
	return out
}

func completeSessions(o *options, typed string) []cobra.Completion {
	st := quietStore(o)
	if st == nil {
		return nil
	}
	defer st.Close()
	sums, _, err := st.Summaries("", "", 200)
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	for _, s := range sums {
		if strings.HasPrefix(s.ID, strings.ToUpper(typed)) {
			out = append(out, cobra.CompletionWithDesc(s.ID, coach.SafeText(s.Date.String()+" "+s.PersonName)))
		}
	}
	return out
}

func completeActions(o *options, typed string) []cobra.Completion {
	st := quietStore(o)
	if st == nil {
		return nil
	}
	defer st.Close()
	refs, err := st.OpenActions("")
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		return nil
	}
	var out []cobra.Completion
	for _, r := range refs {
		if strings.HasPrefix(r.Action.ID, strings.ToUpper(typed)) {
			out = append(out, cobra.CompletionWithDesc(r.Action.ID, coach.SafeText(r.PersonName+": "+r.Action.Text)))
		}
	}
	return out
}
