package data

import (
	"fmt"

	"attend/coach"
)

// cleanName is coach.CleanName with the rule on what text may hold
// (coach.CheckText) on top: a name with a zero-width character in it would
// look like another person's and never be found by typing it, so it is
// refused everywhere a name is stored or looked up, as import refuses it.
func cleanName(name string) (string, error) {
	clean, err := coach.CleanName(name)
	if err != nil {
		return "", err
	}
	if err := coach.CheckText(clean); err != nil {
		return "", fmt.Errorf("that name %w", err)
	}
	return clean, nil
}
