package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"
)

// A variant is one build of attend with its own copies of the databases
// (an older build cannot open a file a newer one upgraded).
type variant struct {
	name, bin string
	db        map[string]string // size -> database
}

type sample struct {
	d   time.Duration
	rss int64 // KiB
}

// run times one whole process, its output thrown away.
func run(env []string, name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = io.Discard // a pipe: GNU grep stops at the first match when its output is /dev/null
	var stderr strings.Builder
	cmd.Stderr = &stderr
	t0 := time.Now()
	err := cmd.Run()
	d := time.Since(t0)
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.HasPrefix(filepath.Base(name), "rg") && !strings.HasPrefix(filepath.Base(name), "grep") {
			return sample{}, fmt.Errorf("%s %v: %v: %s", name, args, err, stderr.String())
		}
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return sample{d, rss}, nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// pickWord chooses a word held by 2-3 % of the lines of the twin (sessions).
func pickWord(twin string) (string, error) {
	f, err := os.Open(twin)
	if err != nil {
		return "", err
	}
	defer f.Close()
	df := map[string]int{}
	lines := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		lines++
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(sc.Text()), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(w) >= 6 && !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	var cands []string
	for w, n := range df {
		if f := float64(n) / float64(lines); f >= 0.02 && f <= 0.03 {
			cands = append(cands, w)
		}
	}
	sort.Strings(cands)
	if len(cands) == 0 {
		return "", fmt.Errorf("no word in 2-3 %% of the sessions of %s", twin)
	}
	return cands[len(cands)/2], nil
}

// latest returns the id and person of the newest session, from `attend log`.
func latest(v variant, size string) (id, person string, err error) {
	out, err := exec.Command(v.bin, "log", "--db", v.db[size], "--limit", "1").Output()
	if err != nil {
		return "", "", fmt.Errorf("%s log: %w", v.name, err)
	}
	f := strings.Split(strings.TrimSpace(string(out)), "  ")
	if len(f) < 3 {
		return "", "", fmt.Errorf("cannot read %q", out)
	}
	return f[0], f[2], nil
}

func table(args []string) error {
	fs := flag.NewFlagSet("table", flag.ExitOnError)
	dir := fs.String("dir", "", "work folder made by docs/bench.sh")
	runs := fs.Int("runs", 5, "rounds")
	names := fs.String("variants", "before,after", "sub-folders of -dir, each with attend and d10k.db, d100k.db")
	fs.Parse(args)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	sizes := []string{"10k", "100k"}
	var vs []variant
	for _, n := range strings.Split(*names, ",") {
		v := variant{name: n, bin: filepath.Join(*dir, n, "attend"), db: map[string]string{}}
		for _, sz := range sizes {
			v.db[sz] = filepath.Join(*dir, n, "d"+sz+".db")
		}
		vs = append(vs, v)
	}
	twins := map[string]string{}
	for _, sz := range sizes {
		twins[sz] = filepath.Join(*dir, "twin"+sz+".txt")
	}
	word, err := pickWord(twins["10k"])
	if err != nil {
		return err
	}
	const nomatch = "zqxjvkw"
	rg, _ := exec.LookPath("rg")
	fmt.Printf("word %q (2-3 %% of sessions), no-match word %q; ripgrep: %s\n\n", word, nomatch, map[bool]string{true: rg, false: "not installed"}[rg != ""])

	type key struct{ v, size, row string }
	ratios := map[key][]float64{}
	times := map[key][]float64{}
	rss := map[key][]float64{}
	ids := map[key][2]string{}
	for _, v := range vs {
		for _, sz := range sizes {
			id, person, err := latest(v, sz)
			if err != nil {
				return err
			}
			ids[key{v.name, sz, ""}] = [2]string{id, person}
		}
	}
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	for r := 0; r < *runs; r++ {
		for _, sz := range sizes {
			// The floors of this round.
			floor := func(name string, args ...string) (sample, error) { return run(nil, name, args...) }
			var rgW, rgN, grW sample
			if rg != "" {
				if rgW, err = floor(rg, "-ci", word, twins[sz]); err != nil {
					return err
				}
				if rgN, err = floor(rg, "-ci", nomatch, twins[sz]); err != nil {
					return err
				}
			}
			if grW, err = floor("grep", "-ci", word, twins[sz]); err != nil {
				return err
			}
			times[key{"", sz, "rg word"}] = append(times[key{"", sz, "rg word"}], ms(rgW.d))
			times[key{"", sz, "grep word"}] = append(times[key{"", sz, "grep word"}], ms(grW.d))
			for _, v := range vs {
				db := v.db[sz]
				idp := ids[key{v.name, sz, ""}]
				fsum, err := floor(self, "floor-summaries", db)
				if err != nil {
					return err
				}
				fraw, err := floor(self, "floor-raw", db)
				if err != nil {
					return err
				}
				times[key{v.name, sz, "floor summaries"}] = append(times[key{v.name, sz, "floor summaries"}], ms(fsum.d))
				times[key{v.name, sz, "floor raw"}] = append(times[key{v.name, sz, "floor raw"}], ms(fraw.d))
				rows := []struct {
					row  string
					base sample
					args []string
				}{
					{"log --grep WORD ÷ rg", rgW, []string{"log", "--grep", word}},
					{"log --grep NOMATCH ÷ rg", rgN, []string{"log", "--grep", nomatch}},
					{"log --limit 50 ÷ floor", fsum, []string{"log", "--limit", "50"}},
					{"log --person X --limit 50 ÷ floor", fsum, []string{"log", "--person", idp[1], "--limit", "50"}},
					{"show ID ÷ floor", fsum, []string{"show", idp[0]}},
					{"actions ÷ floor", fsum, []string{"actions"}},
					{"log (every line)", fraw, []string{"log"}},
					{"export --format json ÷ raw read", fraw, []string{"export", "--format", "json"}},
				}
				for _, row := range rows {
					if rg == "" && strings.HasSuffix(row.row, "÷ rg") {
						row.base = grW
					}
					s, err := run([]string{"ATTEND_DB=" + db}, v.bin, row.args...)
					if err != nil {
						return err
					}
					k := key{v.name, sz, row.row}
					times[k] = append(times[k], ms(s.d))
					rss[k] = append(rss[k], float64(s.rss)/1024)
					if row.base.d > 0 {
						ratios[k] = append(ratios[k], float64(s.d)/float64(row.base.d))
					}
				}
			}
		}
		fmt.Fprintf(os.Stderr, "round %d of %d done\n", r+1, *runs)
	}

	rowNames := []string{"log --grep WORD ÷ rg", "log --grep NOMATCH ÷ rg", "log --limit 50 ÷ floor", "log --person X --limit 50 ÷ floor",
		"show ID ÷ floor", "actions ÷ floor", "log (every line)", "export --format json ÷ raw read"}
	fmt.Printf("| what | %s |\n|---|%s\n", strings.Join(cols(vs, sizes), " | "), strings.Repeat("---|", len(vs)*(len(sizes)+1)))
	for _, row := range rowNames {
		cells := []string{}
		for _, v := range vs {
			for _, sz := range sizes {
				k := key{v.name, sz, row}
				c := fmt.Sprintf("%.0f ms", median(times[k]))
				if len(ratios[k]) > 0 && !strings.HasPrefix(row, "log (every") {
					c = fmt.Sprintf("%.2f× (%.0f ms)", median(ratios[k]), median(times[k]))
				}
				if strings.HasPrefix(row, "export") {
					c += fmt.Sprintf(", %.0f MB RSS", median(rss[k]))
				}
				cells = append(cells, c)
			}
			cells = append(cells, fmt.Sprintf("%.2f×", median(times[key{v.name, "100k", row}])/median(times[key{v.name, "10k", row}])))
		}
		fmt.Printf("| %s | %s |\n", row, strings.Join(cells, " | "))
	}
	fmt.Println()
	for _, sz := range sizes {
		fmt.Printf("%s: rg -ci WORD %.0f ms, grep -ci WORD %.0f ms", sz, median(times[key{"", sz, "rg word"}]), median(times[key{"", sz, "grep word"}]))
		for _, v := range vs {
			fmt.Printf("; %s floors: 50 summaries %.1f ms, every value %.0f ms", v.name, median(times[key{v.name, sz, "floor summaries"}]), median(times[key{v.name, sz, "floor raw"}]))
		}
		fmt.Println()
	}
	for _, sz := range sizes {
		ti, _ := os.Stat(twins[sz])
		for _, v := range vs {
			fi, err := os.Stat(v.db[sz])
			if err != nil {
				return err
			}
			fmt.Printf("%s %s: file %.0f MB, text %.0f MB, %.2f× the text\n", sz, v.name, float64(fi.Size())/1e6, float64(ti.Size())/1e6, float64(fi.Size())/float64(ti.Size()))
		}
	}
	if len(vs) == 2 {
		fmt.Println()
		for _, sz := range sizes {
			for _, row := range rowNames {
				a, b := median(times[key{vs[0].name, sz, row}]), median(times[key{vs[1].name, sz, row}])
				fmt.Printf("%s %s: %s %.0f ms, %s %.0f ms: %.1f× faster\n", sz, row, vs[0].name, a, vs[1].name, b, a/b)
			}
		}
	}
	return nil
}

func cols(vs []variant, sizes []string) []string {
	var out []string
	for _, v := range vs {
		for _, sz := range sizes {
			out = append(out, v.name+" "+sz)
		}
		out = append(out, v.name+" growth")
	}
	return out
}
