package content

import _ "embed"

//go:embed cards.md
var cards string

// Cards returns the text of cards.md: the conversation cards, in decks,
// ready for cards.Parse in package kintsugi/app/cards. The file's own
// preamble describes its format.
func Cards() string { return cards }
