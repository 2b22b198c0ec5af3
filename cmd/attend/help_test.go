package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"attend/coach/msg"
)

var updateHelp = flag.Bool("update-help", false, "write coach/msg/cli.help.en.json from the commands' own English")

const helpCatalogue = "../../coach/msg/cli.help.en.json"

// The English help catalogue says what the commands say, part for part, so
// that the Welsh catalogue (which must hold every id the English does) has
// every command's help. After changing a command's help, run
// go test ./cmd/attend -run HelpCatalogue -update-help, then say it in Welsh.
func TestHelpCatalogueSaysWhatTheCommandsSay(t *testing.T) {
	texts := helpTexts(newRoot())
	if *updateHelp {
		all := map[string]string{}
		raw, err := os.ReadFile(helpCatalogue)
		if err == nil {
			if err := json.Unmarshal(raw, &all); err != nil {
				t.Fatal(err)
			}
		}
		for id := range all {
			if !strings.HasPrefix(id, "cli.help.cobra.") {
				delete(all, id)
			}
		}
		for id, text := range texts {
			all[id] = text
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(all); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(helpCatalogue, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("wrote", helpCatalogue, "(run the tests again to check it)")
		return
	}
	en := msg.New("en")
	for id, want := range texts {
		if got := en.T(id); got != want {
			t.Errorf("%s: the catalogue says %q, the command %q (go test ./cmd/attend -run HelpCatalogue -update-help)", id, got, want)
		}
	}
	ids, err := msg.IDs("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if strings.HasPrefix(id, "cli.help.") && !strings.HasPrefix(id, "cli.help.cobra.") && texts[id] == "" {
			t.Errorf("%s is in the catalogue but no command has it", id)
		}
	}
}
