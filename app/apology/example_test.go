package apology_test

import (
	"fmt"

	"kintsugi/app/apology"
)

func Example() {
	a := apology.Apology{
		Regret:         "I'm sorry if I hurt you.",
		Explanation:    "It just happened, but we hadn't been close for months.",
		Responsibility: "We both made mistakes.",
		Repair:         "I'll show you my phone whenever you'd like.",
		Forgiveness:    "You have to forgive me so we can move on.",
	}
	for _, f := range a.Check() {
		fmt.Printf("%s, %s: %q\n", f.Part, f.Rule, f.Quote)
	}
	// Output:
	// regret, conditional: "sorry if"
	// explanation, excuse: "It just happened"
	// explanation, but: "but we"
	// responsibility, shared: "We both"
	// responsibility, minimising: "mistakes"
	// repentance, missing: ""
	// forgiveness, pressure: "You have to forgive"
}
