package guide_test

import (
	"fmt"

	"kintsugi/app/guide"
)

func Example() {
	fsys := guide.Files{
		"parts.md": "0 | Start here | Where to begin.\n",
		"chapters/start-here.md": `---
title: Start here
summary: What this guide is, and how to use it.
part: 0
order: 1
for: everyone
exercises: check-in
try: Take a first check-in.
sources: none
---

Read in any order, and stop when it is too much. Next: [forgiveness](/guide/forgiveness).
`,
		"chapters/forgiveness.md": `---
title: Forgiveness, and what it does not mean
summary: Forgiveness is something you may choose in time, never a debt you owe.
part: 0
order: 2
for: hurt, alone
exercises: forgiveness, journal
try: Take ten quiet minutes with the forgiveness reflection.
sources:
  - Spring, J. A. How Can I Forgive You? 2004.
---

## What forgiveness is not

- It is **not** forgetting.
- It is not a promise to stay.
`,
	}

	g, err := guide.Load(fsys)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range g.Chapters {
		fmt.Printf("%s (%d min): %s\n", c.Slug, c.Minutes, c.Title)
	}
	next, _ := g.Next("start-here")
	fmt.Println("next:", next.Slug, "#"+next.Body[0].ID)
	for _, r := range g.Search("forgive", 5) {
		fmt.Print(r.Chapter.Slug, ": ")
		for _, s := range r.Snippet {
			if s.Match {
				fmt.Print("[", s.Text, "]")
			} else {
				fmt.Print(s.Text)
			}
		}
		fmt.Println()
	}
	// Output:
	// start-here (1 min): Start here
	// forgiveness (1 min): Forgiveness, and what it does not mean
	// next: forgiveness #what-forgiveness-is-not
	// forgiveness: [Forgiveness] is something you may choose in time, never a debt you owe.
	// start-here: Read in any order, and stop when it is too much. Next: [forgiveness].
}
