// Package content holds the text of Kintsugi's guide: the chapters, the
// reading paths and the part titles, as Markdown files with front matter.
// They are embedded in the binary, so the guide works offline wherever
// app.wasm is cached. Package kintsugi/app/guide parses and checks them;
// README.md in this folder says how to write them.
package content

import (
	"embed"
	"io/fs"
)

//go:embed chapters/*.md paths/*.md parts.md
var files embed.FS

// FS returns the guide's files: parts.md, chapters/<slug>.md and
// paths/<name>.md, ready for guide.Load.
func FS() fs.FS { return files }
