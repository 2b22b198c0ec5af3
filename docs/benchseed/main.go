// Command benchseed fills a database with N people, one saved session each,
// through attend's own store, for docs/bench.sh. It is not part of attend.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"attend/coach"
	"attend/data"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: benchseed DB PEOPLE")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	st, err := data.Open(os.Args[1], data.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer st.Close()
	for i := 1; i <= n; i++ {
		p, _, err := st.EnsurePerson(fmt.Sprintf("Person %d", i))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		s := coach.NewSession(p.ID, "en", time.Now())
		s.SetAnswer("understand.challenges", coach.Answer{Text: "Rota gaps on Tuesdays; two new residents with complex needs."})
		s.SetAnswer("needs.workload", coach.Answer{Rating: 2})
		if _, err := st.SaveSession(s); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Println("seeded", n)
}
