package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"attend/coach"
	"attend/coach/msg"
)

// cobra and pflag refuse a command or flag they do not know, a flag with
// no value or a value that does not parse, in English of their own. These
// are the same refusals as errors that can say themselves in a language
// (coach.Texter), so `--lang cy` says them in Welsh; their English stays
// what cobra and pflag wrote, but for why a value does not parse. Each is
// misuse: exit status 2.

// cliSaid is an error whose English is err's own and whose words in any
// other language are a message of the catalogue (ids cli.cobra.…).
type cliSaid struct {
	err error
	id  string
	kv  []any
}

func (e *cliSaid) Error() string { return e.Text(nil) }
func (e *cliSaid) Unwrap() error { return e.err }

// Text is the refusal in l: the English as cobra said it, otherwise the
// catalogue's words, each value filled in as text of that language. A
// value that does not parse is said from the catalogue in English too:
// pflag's own English ends in Go's ("strconv.ParseInt: parsing "1.5":
// invalid syntax", found in a trial), where the catalogue says "it is not
// a whole number".
func (e *cliSaid) Text(l *msg.Lang) string {
	if l == nil || l.Code == "en" {
		if e.id != "cli.cobra.flag.invalid" {
			return e.err.Error()
		}
		l = englishWords()
	}
	kv := make([]any, len(e.kv))
	for i, v := range e.kv {
		if err, ok := v.(error); ok {
			v = whyIn(l, err)
		}
		kv[i] = v
	}
	return l.T(e.id, kv...)
}

// flagSaid is what the flag error function returns for pflag's refusal
// err on the command c: misuse, said in any language.
func flagSaid(c *cobra.Command, err error) error {
	path := c.CommandPath()
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return usageError{&cliSaid{err, "cli.cobra.flag.short", []any{
			"Flag", "-" + notExist.GetSpecifiedName()[:1], "Command", path}}}
	case errors.As(err, &notExist):
		return usageError{&cliSaid{err, "cli.cobra.flag.unknown", []any{
			"Flag", "--" + notExist.GetSpecifiedName(), "Command", path}}}
	case errors.As(err, &needs):
		name := "--" + needs.GetSpecifiedName()
		if needs.GetSpecifiedShortnames() != "" {
			name = "-" + needs.GetSpecifiedName()[:1]
		}
		return usageError{&cliSaid{err, "cli.cobra.flag.needs", []any{"Flag", name, "Command", path}}}
	case errors.As(err, &invalid):
		return usageError{&cliSaid{err, "cli.cobra.flag.invalid", []any{
			"Flag", "--" + invalid.GetFlag().Name, "Value", fmt.Sprintf("%q", invalid.GetValue()),
			"Why", invalid.Unwrap()}}}
	case errors.As(err, &syntax):
		return usageError{&cliSaid{err, "cli.cobra.flag.syntax", []any{
			"Flag", fmt.Sprintf("%q", syntax.GetSpecifiedFlag()), "Command", path}}}
	}
	return usageError{err}
}

// englishWords is the English catalogue, made once.
var englishWords = sync.OnceValue(func() *msg.Lang { return msg.New("en") })

// whyIn says why a flag's value did not parse: the number and duration
// parsers' English said in l, and any error of attend's own as it says
// itself.
func whyIn(l *msg.Lang, err error) string {
	var num *strconv.NumError
	switch {
	case errors.As(err, &num) && num.Func == "ParseBool":
		return l.T("cli.cobra.why.bool")
	case errors.As(err, &num) && errors.Is(num.Err, strconv.ErrRange):
		return l.T("cli.cobra.why.range")
	case errors.As(err, &num):
		return l.T("cli.cobra.why.number")
	case strings.HasPrefix(err.Error(), "time: "):
		return l.T("cli.cobra.why.duration")
	}
	return coach.ErrorText(l, err)
}

// rootArgs refuses a first word that is not one of attend's commands, as
// cobra.NoArgs did, naming the command it is nearest to if there is one.
func rootArgs(root *cobra.Command) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		arg := fmt.Sprintf("%q", args[0])
		err := fmt.Errorf("unknown command %s for %q", arg, root.CommandPath())
		if near := root.SuggestionsFor(args[0]); len(near) > 0 {
			return usageError{&cliSaid{fmt.Errorf("%w: did you mean %s?", err, near[0]), "cli.cobra.command.near",
				[]any{"Arg", arg, "Near", near[0]}}}
		}
		return usageError{&cliSaid{err, "cli.cobra.command", []any{"Arg", arg}}}
	}
}

// helpRefusesUnknown makes `attend help NONSENSE` refuse, as `attend
// NONSENSE` does (exit 2, the nearest command named), where cobra's help
// command showed attend's own help and exited 0.
func helpRefusesUnknown(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() != "help" || c.Run == nil {
			continue
		}
		show := c.Run
		c.Run = nil
		c.RunE = func(c *cobra.Command, args []string) error {
			if target, rest, err := root.Find(args); err == nil && target == root && len(rest) > 0 {
				return rootArgs(root)(root, rest)
			}
			show(c, args)
			return nil
		}
	}
}
