package main

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"attend/coach/msg"
)

// fang draws every help page, and writes its headings (USAGE, EXAMPLES,
// COMMANDS, FLAGS) and the words it adds to usage lines ([command],
// [--flags]) in English of its own, with no way to change them. Under a
// language other than English, a help page is drawn into a buffer (as
// plain text: fang draws colours only for a terminal) and those words are
// said in the language before it is written out; the columns of the lists
// are lined up again, since the words change length. A help page in
// English is fang's, unchanged.

// helpAsked reports whether args may ask for a help page: a help flag, or
// the help command. It may say yes to a value that looks like one (log
// --grep help): helpShown decides afterwards from what cobra ran.
func helpAsked(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "-h" || a == "--help" || a == "help" {
			return true
		}
	}
	return false
}

// helpShown reports whether running args showed a help page: the command
// cobra ran was the help command, or its help flag was set.
func helpShown(root *cobra.Command, args []string) bool {
	c, _, err := root.Find(args)
	if err != nil || c == nil {
		return false
	}
	if c.Name() == "help" && c.Parent() == root {
		return true
	}
	f := c.Flags().Lookup("help")
	return f != nil && f.Changed
}

// helpOut runs show with a buffer as the writer when args may ask for a
// help page: in a language other than English it is said again, for a
// terminal its lists are fitted to the width (fang does not wrap them, so
// the terminal broke words in two at 80 columns), and sent to a file or a
// pipe it loses the spaces fang pads every line with to the width it
// guesses (120 columns without a terminal, wider where a list row is).
// Afterwards it writes the buffer to out: the help page mended, anything
// else as it was.
func helpOut(l *msg.Lang, root *cobra.Command, args []string, out io.Writer, show func(w io.Writer) error) error {
	if !helpAsked(args) {
		return show(out)
	}
	b := &pageBuffer{}
	screen := 0
	if f, ok := out.(term.File); ok && term.IsTerminal(f.Fd()) {
		b.tty = f // so fang draws the page in colour, as for the terminal
		if w, _, err := term.GetSize(f.Fd()); err == nil {
			screen = w
		}
	}
	err := show(b)
	page := b.String()
	if helpShown(root, args) {
		if l.Code != "en" || screen > 0 {
			page = sayHelpPage(l, page, screen)
		}
		if screen == 0 {
			page = trimLineEnds(page)
		}
	}
	if _, werr := io.WriteString(out, page); err == nil {
		err = werr
	}
	return err
}

// trimLineEnds takes the spaces off the end of every line of a plain page.
// fang draws its text and usage blocks with lipgloss at a set width, which
// pads each line out to it with spaces: on a terminal they are not seen,
// in a file or a pipe they are (a colourless page holds no escape codes
// for them to belong to).
func trimLineEnds(page string) string {
	lines := strings.Split(page, "\n")
	for i, line := range lines {
		lines[i] = strings.TrimRight(line, " ")
	}
	return strings.Join(lines, "\n")
}

// pageBuffer holds a help page as fang draws it. Given the terminal the
// page is for, it answers fang's question (is this a terminal?) as the
// terminal would, so the page keeps its colours.
type pageBuffer struct {
	bytes.Buffer
	tty term.File
}

// Fd is the terminal's, or an invalid descriptor (never a terminal).
func (b *pageBuffer) Fd() uintptr {
	if b.tty == nil {
		return ^uintptr(0)
	}
	return b.tty.Fd()
}

func (b *pageBuffer) Close() error { return nil }

// headingWords are fang's headings as it writes them (upper case), and
// the catalogue ids of their words.
var headingWords = map[string]string{
	"USAGE":    "cli.page.heading.usage",
	"EXAMPLES": "cli.page.heading.examples",
	"COMMANDS": "cli.page.heading.commands",
	"FLAGS":    "cli.page.heading.flags",
}

// listRow is one row of the commands or flags list: indent, name, the gap
// that lines up the descriptions, the description (compiled when a help
// page first needs it, not at every start).
var listRow = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^( +)(\S(?:\S| \S)*)( {2,})(\S.*)$`) })

// sayHelpPage is a help page of fang's with its own words said in l, and
// its lists fitted to a screen so many columns wide (0: as wide as they
// come).
func sayHelpPage(l *msg.Lang, page string, screen int) string {
	tokens := strings.NewReplacer(
		" [command]", " "+l.T("cli.page.token.command"),
		" [--flags]", " "+l.T("cli.page.token.flags"),
	)
	lines := strings.Split(page, "\n")
	section := ""
	var list []int  // the rows of the list being read
	var usage []int // the lines of the usage block
	grew := 0       // how much wider the usage line became
	lineUp := func() {
		lineUpRows(lines, list, tokens, screen)
		list = list[:0]
	}
	for i, line := range lines {
		word := strings.TrimSpace(ansi.Strip(line))
		if id, ok := headingWords[word]; ok {
			lineUp()
			section = word
			lines[i] = strings.Replace(line, word, strings.ToUpper(l.T(id)), 1)
			continue
		}
		if section == "USAGE" {
			lines[i] = tokens.Replace(line)
			grew = max(grew, ansi.StringWidth(lines[i])-ansi.StringWidth(line))
			usage = append(usage, i)
		}
		if section == "COMMANDS" || section == "FLAGS" {
			if listRow().MatchString(lines[i]) || (len(list) > 0 && strings.HasPrefix(lines[i], "     ")) {
				list = append(list, i)
			}
		}
	}
	lineUp()
	widenBlock(lines, usage, grew)
	return strings.Join(lines, "\n")
}

// widenBlock keeps the usage block one width on a terminal, where it has a
// background: each coloured line of it that did not grow (the blank lines
// around the usage line) gets grew spaces inside its colour, before its
// last reset. Plain lines are left alone: trailing spaces show nothing.
func widenBlock(lines []string, block []int, grew int) {
	for _, i := range block {
		line := lines[i]
		at := strings.LastIndex(line, ansi.ResetStyle)
		if grew == 0 || at < 0 || strings.TrimSpace(ansi.Strip(line)) != "" {
			continue // no growth, no colour, or the usage line itself
		}
		lines[i] = line[:at] + strings.Repeat(" ", grew) + line[at:]
	}
}

// lineUpRows says the names of the rows of one list (lines[rows]) in the
// language (tokens) and puts their descriptions in one column again, two
// spaces after the longest name; a line that only continues a description
// moves with the column. On a screen of known width, a name too long for
// the column (over 45 % of the width) has its description on the line
// below, and descriptions wrap at word boundaries under the column.
func lineUpRows(lines []string, rows []int, tokens *strings.Replacer, screen int) {
	if len(rows) == 0 {
		return
	}
	type row struct{ indent, name, text string }
	parsed := map[int]row{}
	oldCol, width := 0, 0
	for _, i := range rows {
		m := listRow().FindStringSubmatch(lines[i])
		if m == nil || (oldCol > 0 && len(m[1]) >= oldCol) {
			continue // a continuation line
		}
		name := tokens.Replace(m[2])
		parsed[i] = row{m[1], name, m[4]}
		oldCol = max(oldCol, ansi.StringWidth(m[1]+m[2]+m[3]))
		if w := ansi.StringWidth(m[1] + name); screen == 0 || w <= screen*45/100 {
			width = max(width, w)
		}
	}
	col := width + 2
	wrap := func(text string) []string {
		if screen == 0 || screen-col < 20 {
			return []string{text}
		}
		return strings.Split(wrapWords(text, screen-col), "\n")
	}
	under := strings.Repeat(" ", col)
	for _, i := range rows {
		if r, ok := parsed[i]; ok {
			text := wrap(r.text)
			head := r.indent + r.name
			var out []string
			if gap := col - ansi.StringWidth(head); gap >= 2 {
				out = append(out, head+strings.Repeat(" ", gap)+text[0])
			} else {
				if screen > 0 && ansi.StringWidth(head) > screen {
					// A name wider than the screen wraps too, indented.
					w := wrapWords(r.name, screen-len(r.indent)-2)
					head = r.indent + strings.ReplaceAll(w, "\n", "\n"+r.indent+"  ")
				}
				out = append(out, head, under+text[0])
			}
			for _, t := range text[1:] {
				out = append(out, under+t)
			}
			lines[i] = strings.Join(out, "\n")
			continue
		}
		if rest := strings.TrimLeft(lines[i], " "); len(lines[i])-len(rest) >= oldCol && rest != "" {
			lines[i] = under + rest
		}
	}
}

// wrapWords wraps text (colours kept) at spaces only: x/ansi also breaks at
// hyphens, which split "--new" into "--" and "new". A word longer than the
// limit is broken where it must be.
func wrapWords(text string, limit int) string {
	const keep = "\u2011" // a non-breaking hyphen, one column wide, held in place of "-"
	return strings.ReplaceAll(ansi.Wrap(strings.ReplaceAll(text, "-", keep), limit, ""), keep, "-")
}
