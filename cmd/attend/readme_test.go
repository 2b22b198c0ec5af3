package main

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Every command attend has is in the README's command table, and every
// command the table names exists: the first page never drifts from the code.
func TestTheReadmeListsEveryCommand(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	inReadme := map[string]bool{}
	row := regexp.MustCompile("(?m)^\\| `attend ([a-z]+)")
	for _, m := range row.FindAllStringSubmatch(string(raw), -1) {
		inReadme[m[1]] = true
	}
	// "attend encrypt / attend passphrase" share a row.
	for _, m := range regexp.MustCompile("/ `attend ([a-z]+)").FindAllStringSubmatch(string(raw), -1) {
		inReadme[m[1]] = true
	}
	var missing []string
	exists := map[string]bool{}
	root := newRoot()
	root.InitDefaultCompletionCmd() // cobra adds it when it runs
	for _, c := range root.Commands() {
		name := c.Name()
		if c.Hidden || name == "help" {
			continue
		}
		exists[name] = true
		if !inReadme[name] {
			missing = append(missing, name)
		}
	}
	var stale []string
	for name := range inReadme {
		if !exists[name] && !strings.HasPrefix(name, "-") {
			stale = append(stale, name)
		}
	}
	sort.Strings(missing)
	sort.Strings(stale)
	if len(missing) > 0 {
		t.Errorf("commands missing from the README's table: %v", missing)
	}
	if len(stale) > 0 {
		t.Errorf("the README names commands attend does not have: %v", stale)
	}
}
