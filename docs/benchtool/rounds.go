package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// rounds runs whole processes interleaved, round after round, and prints
// each one's median and fastest time and the median of its per-round
// ratio to its floor (another of them, run in the same round):
//
//	benchtool rounds N NAME CMD ARGS... ';;' NAME%K CMD ARGS... ';;' ...
//
// NAME%K is measured against the K'th command (from 0); a NAME without
// %K against the first. Output goes to a pipe and is thrown away, as
// table does.
func rounds(args []string) error {
	if len(args) < 2 {
		return fmt.Errorf("usage: benchtool rounds N NAME CMD ARGS [';;' NAME%%K CMD ARGS]")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 {
		return fmt.Errorf("rounds: %q is not a number of rounds", args[0])
	}
	type command struct {
		name  string
		floor int
		argv  []string
	}
	var cmds []command
	for _, spec := range splitOn(args[1:], ";;") {
		if len(spec) < 2 {
			return fmt.Errorf("rounds: %q needs a name and a command", spec)
		}
		c := command{name: spec[0], argv: spec[1:]}
		if name, k, ok := strings.Cut(spec[0], "%"); ok {
			if c.floor, err = strconv.Atoi(k); err != nil {
				return fmt.Errorf("rounds: %q: %v", spec[0], err)
			}
			c.name = name
		}
		cmds = append(cmds, c)
	}
	for _, c := range cmds {
		if c.floor < 0 || c.floor >= len(cmds) {
			return fmt.Errorf("rounds: %s is measured against command %d, which is not there", c.name, c.floor)
		}
	}
	times := make([][]float64, len(cmds))
	ratios := make([][]float64, len(cmds))
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	for range n {
		got := make([]float64, len(cmds))
		for i, c := range cmds {
			s, err := run(nil, c.argv[0], c.argv[1:]...)
			if err != nil {
				return err
			}
			got[i] = ms(s.d)
			times[i] = append(times[i], got[i])
		}
		for i, c := range cmds {
			ratios[i] = append(ratios[i], got[i]/got[c.floor])
		}
	}
	for i, c := range cmds {
		fastest := append([]float64(nil), times[i]...)
		sort.Float64s(fastest)
		fmt.Printf("%-28s median %7.2f ms  fastest %7.2f ms  %5.2f× %s\n", c.name, median(times[i]), fastest[0], median(ratios[i]), cmds[c.floor].name)
	}
	return nil
}

// splitOn cuts args at each sep.
func splitOn(args []string, sep string) [][]string {
	out := [][]string{{}}
	for _, a := range args {
		if a == sep {
			out = append(out, []string{})
			continue
		}
		out[len(out)-1] = append(out[len(out)-1], a)
	}
	return out
}
