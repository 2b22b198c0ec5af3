package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"attend/coach/msg"
	"attend/data"
)

// options are what attend is told from outside a command's own flags: the
// root's persistent flags and the environment. newRoot binds the flags into
// one options value and hands it to every command's constructor; load then
// fills in, once, what the flags left unsaid from the environment. This is
// the only place in cmd/attend that reads the environment (a test checks),
// except $VISUAL and $EDITOR, which the tui reads when ctrl+e opens one.
//
// For each setting the flag comes first, then the environment, then the
// default:
//
//	database     --db, else $ATTEND_DB (its folder must be there: open.go),
//	             else attend/attend.db in the XDG data home ($XDG_DATA_HOME,
//	             else ~/.local/share), its folder made 0700
//	language     --lang, else $ATTEND_LANG, else a Welsh locale in $LC_ALL or
//	             $LANG, else English
//	prompt pack  --prompts, else $ATTEND_PROMPTS, else attend/prompts.toml in
//	             $XDG_CONFIG_HOME (else ~/.config) if it is there, else
//	             attend's own prompts
//	passphrase   --passphrase-file, else $ATTEND_PASSPHRASE_FILE, else asked
//	             for on the terminal
//	line mode    prep --accessible, else $ATTEND_ACCESSIBLE, else plain lines
//	             when stdin or stdout is not a terminal (accessible.go)
//	idle lock    --lock-after (5m)
//	palette      $COLORFGBG says a light background, else dark (screens.go)
//	colour       $NO_COLOR leaves log's ids undimmed (log.go)
type options struct {
	// As the flags give them; load puts the environment's value in where a
	// flag was not given.
	db       string // --db, $ATTEND_DB
	lang     string // --lang (then $ATTEND_LANG and the locale: see langCode)
	prompts  string // --prompts, $ATTEND_PROMPTS
	passFile string // --passphrase-file, $ATTEND_PASSPHRASE_FILE

	lockAfter time.Duration // --lock-after

	stderr io.Writer // where run says what is happening (an upgrade); nil says nothing

	// From the environment alone, by load.
	loaded     bool
	langEnv    [3]string // $ATTEND_LANG, $LC_ALL, $LANG
	accessible bool      // $ATTEND_ACCESSIBLE
	dark       bool      // the palette $COLORFGBG suggests
	noColor    bool      // $NO_COLOR
	dataHome   string    // the XDG data home
	configHome string    // the XDG config home, or "" when there is no home folder
}

// addFlags binds the flags every command takes to o.
func (o *options) addFlags(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&o.prompts, "prompts", "", "your organisation's prompt pack, a TOML file (default $ATTEND_PROMPTS, else $XDG_CONFIG_HOME/attend/prompts.toml if there)")
	f.StringVar(&o.db, "db", "", "database file (default $ATTEND_DB, else $XDG_DATA_HOME/attend/attend.db)")
	f.StringVar(&o.lang, "lang", "", "language: en or cy (default $ATTEND_LANG, then a Welsh locale in $LANG, else en)")
	f.DurationVar(&o.lockAfter, "lock-after", 5*time.Minute, "with encryption on, lock the screen after this long without a key press (0 never)")
	f.StringVar(&o.passFile, "passphrase-file", "",
		"read the passphrase of an encrypted database from the first line of FILE (default $ATTEND_PASSPHRASE_FILE); the file must be readable by you alone")
}

// load reads the environment into o, once, after the flags are parsed; a
// flag given keeps its value. Every reader of o calls it first: argument
// checks and shell completion run before any command's hooks do.
func (o *options) load() *options {
	if o.loaded {
		return o
	}
	o.loaded = true
	env := os.Getenv
	orEnv := func(flag *string, name string) {
		if *flag == "" {
			*flag = env(name)
		}
	}
	orEnv(&o.db, "ATTEND_DB")
	orEnv(&o.prompts, "ATTEND_PROMPTS")
	orEnv(&o.passFile, "ATTEND_PASSPHRASE_FILE")
	o.langEnv = [3]string{env("ATTEND_LANG"), env("LC_ALL"), env("LANG")}
	o.accessible = envOn(env("ATTEND_ACCESSIBLE"))
	o.dark = darkGuess(env("COLORFGBG"))
	o.noColor = env("NO_COLOR") != ""
	// adrg/xdg has read $XDG_DATA_HOME (and $HOME) already, for this
	// platform; not xdg.DataFile, which falls back to a shared system folder
	// from $XDG_DATA_DIRS, the wrong place for private notes.
	o.dataHome = xdg.DataHome
	o.configHome = env("XDG_CONFIG_HOME")
	if o.configHome == "" {
		if home, err := os.UserHomeDir(); err == nil {
			o.configHome = filepath.Join(home, ".config")
		}
	}
	return o
}

// helpLang is the language of the help, read before the flags are parsed
// (the command tree's help is written before it runs): the last --lang
// among the arguments, else the environment, as langCode reads them.
func helpLang(args []string) string {
	flag := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			flag = v
		} else if a == "--lang" && i+1 < len(args) {
			flag = args[i+1]
			i++
		}
	}
	if !slices.Contains(msg.Langs, strings.ToLower(strings.TrimSpace(flag))) {
		// "--lang fr": refused in the language the environment asks for,
		// not in English because French is not spoken.
		flag = ""
	}
	return msg.Detect(flag, os.Getenv("ATTEND_LANG"), os.Getenv("LC_ALL"), os.Getenv("LANG"))
}

// langCode is the language code of what attend prints and asks: --lang,
// else $ATTEND_LANG, else a Welsh locale, else English.
func (o *options) langCode() string {
	o.load()
	return msg.Detect(o.lang, o.langEnv[0], o.langEnv[1], o.langEnv[2])
}

// dbPath is --db, else $ATTEND_DB, else the default database in the XDG
// data home (whose folder it makes).
func (o *options) dbPath() (string, error) {
	if o.load().db != "" {
		return o.db, nil
	}
	return data.DefaultPath(o.dataHome)
}

// dbNamed says whether the database was named (--db or $ATTEND_DB) rather
// than the default.
func (o *options) dbNamed() bool { return o.load().db != "" }

// passphraseFile is --passphrase-file, else $ATTEND_PASSPHRASE_FILE, or "".
func (o *options) passphraseFile() string { return o.load().passFile }

// packPath is the prompt pack to use: --prompts, else $ATTEND_PROMPTS,
// else prompts.toml in attend's config folder if it is there. "" means
// attend's own prompts.
func (o *options) packPath() string {
	if o.load().prompts != "" {
		return o.prompts
	}
	if o.configHome == "" {
		return "" // no home, no config: attend's own prompts
	}
	p := filepath.Join(o.configHome, "attend", "prompts.toml")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}
