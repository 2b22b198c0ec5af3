package main

import (
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"attend/coach/msg"
)

// Every command's help (its short and long description, its examples and
// its flags' descriptions) is written in English beside the command, and
// in the catalogue (cli.help.en.json, cli.help.cy.json) under ids named
// by the command's path: cli.help.show.use (what follows the command's
// name: ID [--private]), cli.help.log.short, cli.help.prompts.check.long,
// cli.help.log.flag.since; the root is "attend" (cli.help.attend.flag.db).
// A test checks that the English catalogue says what the commands say
// (and writes it again with -update), so the Welsh has every message.
//
// The language is read from the arguments and the environment before the
// tree is built (helpLang), so --help and `attend help` are in it.

// helpID is the catalogue id of one part of a command's help.
func helpID(c *cobra.Command, part string) string {
	path := strings.Fields(c.CommandPath())
	if len(path) > 1 {
		path = path[1:] // without "attend"
	}
	return "cli.help." + strings.Join(path, ".") + "." + part
}

// helpTexts are every part of every command's help, as the commands give
// them, by catalogue id. It sees each flag once, where it is defined.
func helpTexts(root *cobra.Command) map[string]string {
	out := map[string]string{}
	walkHelp(root, func(c *cobra.Command, id string, text *string) {
		if *text != "" {
			out[id] = *text
		}
	})
	return out
}

// sayHelp puts every command's help in l, and cobra's help flag, help
// command and completion command too (cli.help.cobra.…). English is left
// as written.
func sayHelp(root *cobra.Command, l *msg.Lang) {
	if l.Code == "en" {
		return
	}
	walkHelp(root, func(c *cobra.Command, id string, text *string) {
		if *text == "" {
			return
		}
		if said := l.T(id); said != id {
			*text = said
		}
	})
	// What cobra would add as it runs, added now to be said in l.
	root.Version = buildVersion() // fang sets it again, the same
	root.SetVersionTemplate(l.T("cli.version", "Version", "{{.Version}}") + "\n")
	root.InitDefaultVersionFlag()
	if f := root.Flags().Lookup("version"); f != nil {
		f.Usage = l.T("cli.help.cobra.flag.version", "Name", root.Name())
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var each func(c *cobra.Command)
	each = func(c *cobra.Command) {
		sayDefaults(c.Flags(), l)
		sayDefaults(c.PersistentFlags(), l)
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = l.T("cli.help.cobra.flag.help", "Name", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			each(sub)
		}
	}
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short, c.Long = l.T("cli.help.cobra.help.short"), l.T("cli.help.cobra.help.long", "Name", root.Name())
		case "completion":
			c.Short = l.T("cli.help.cobra.completion.short")
			c.Long = l.T("cli.help.cobra.completion.long", "Name", root.Name())
			for _, sh := range c.Commands() {
				sh.Short = l.T("cli.help.cobra.completion.shell", "Shell", sh.Name())
				if id := "cli.help.cobra.completion.long." + sh.Name(); l.T(id) != id {
					sh.Long = l.T(id, "Name", root.Name())
				}
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = l.T("cli.help.cobra.completion.nodesc")
				}
			}
		}
	}
	each(root)
}

// sayDefaults writes a length of time's default as l writes it ("5
// munud" for 5m0s): what help shows after the flag, not its value.
func sayDefaults(fs *pflag.FlagSet, l *msg.Lang) {
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.Value.Type() != "duration" {
			return
		}
		if d, err := time.ParseDuration(fl.DefValue); err == nil {
			fl.DefValue = l.Duration(d)
		}
	})
}

// walkHelp calls f on each part of each command's help that has words,
// the commands attend makes and cobra's own help command.
func walkHelp(c *cobra.Command, f func(c *cobra.Command, id string, text *string)) {
	if c.Name() == "completion" || c.Name() == "help" {
		return // cobra's own (fang's man is off: attend writes its own, man.go)
	}
	if name, args, ok := strings.Cut(c.Use, " "); ok {
		f(c, helpID(c, "use"), &args) // what follows the name: ID [--private]
		c.Use = name + " " + args
	}
	f(c, helpID(c, "short"), &c.Short)
	f(c, helpID(c, "long"), &c.Long)
	f(c, helpID(c, "example"), &c.Example)
	flags := func(fs *pflag.FlagSet) {
		fs.VisitAll(func(fl *pflag.Flag) {
			if fl.Name == "help" || fl.Name == "version" {
				return // cobra's own
			}
			f(c, helpID(c, "flag."+fl.Name), &fl.Usage)
		})
	}
	flags(c.LocalNonPersistentFlags())
	flags(c.PersistentFlags())
	for _, sub := range c.Commands() {
		walkHelp(sub, f)
	}
}
