// Command benchtool measures attend for docs/BENCHMARKS.md: floors (bare
// programs doing the least a command must), the plain-text twin of a
// database, bucket sizes, and the table of ratios (see docs/bench.sh).
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: benchtool stats|twin|floor-summaries|floor-raw DB [...], or table|rounds (see their comments)")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "stats":
		err = stats(os.Args[2])
	case "twin":
		err = twin(os.Args[2], os.Args[3])
	case "floor-summaries":
		err = floorSummaries(os.Args[2], 50)
	case "floor-raw":
		err = floorRaw(os.Args[2])
	case "peek":
		err = peek(os.Args[2], os.Args[3])
	case "table":
		err = table(os.Args[2:])
	case "rounds":
		err = rounds(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
