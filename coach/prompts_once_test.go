package coach

import (
	"sync"
	"testing"
)

// Callers that ask for the same prompts at once (attend show's early parse
// on another core, then show itself) share one parse: every one gets the
// same Guide.
func TestBuiltinGuideParsedOnce(t *testing.T) {
	for _, lang := range []string{"en", "cy"} {
		builtin.Delete(lang)
		parsing.Delete(lang)
		got := make([]*Guide, 8)
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() {
				g, err := BuiltinGuide(lang)
				if err != nil {
					t.Error(err)
				}
				got[i] = g
			})
		}
		wg.Wait()
		for i, g := range got {
			if g == nil || g != got[0] {
				t.Fatalf("%s: caller %d got another parse (%p, first %p)", lang, i, g, got[0])
			}
		}
	}
}
