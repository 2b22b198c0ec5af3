package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

// Help sent to a file or a pipe has no spaces padding its lines out to the
// width fang guesses (it padded them to 120 columns and more), in English
// and in Welsh, from --help and from attend help.
func TestHelpInAPipeHasNoTrailingSpaces(t *testing.T) {
	for _, args := range [][]string{
		{"--help"},
		{"backup", "--help"},
		{"help", "brief"},
		{"--lang", "cy", "--help"},
		{"--lang", "cy", "log", "--help"},
	} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		got := make(chan []byte)
		go func() {
			b, _ := io.ReadAll(r)
			got <- b
		}()
		var errs bytes.Buffer
		err = run(context.Background(), args, strings.NewReader(""), w, &errs)
		w.Close()
		page := string(<-got)
		r.Close()
		if err != nil {
			t.Fatalf("attend %s: %v %s", strings.Join(args, " "), err, errs.String())
		}
		if !strings.Contains(page, "attend") || strings.Count(page, "\n") < 5 {
			t.Fatalf("attend %s printed %q", strings.Join(args, " "), page)
		}
		for i, line := range strings.Split(page, "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("attend %s: line %d ends in spaces: %q", strings.Join(args, " "), i+1, line)
				break
			}
		}
	}
}
