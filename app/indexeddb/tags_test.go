//go:build js && wasm

package indexeddb

import (
	"bufio"
	"embed"
	"go/build/constraint"
	"io/fs"
	"strings"
	"testing"
)

// sources holds this package's Go files, embedded because a test running
// in the browser has no file system.
//
//go:embed *.go
var sources embed.FS

// TestWasmTags checks that every Go file in the package, tests included,
// is built only for js/wasm: a file without the constraint would be
// compiled natively and fail there, or worse, succeed and call nothing.
func TestWasmTags(t *testing.T) {
	names, err := fs.Glob(sources, "*.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 5 {
		t.Fatalf("embedded %d Go files (%q), want all of the package's", len(names), names)
	}
	for _, name := range names {
		b, err := sources.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		expr := buildConstraint(string(b))
		if expr == nil {
			t.Errorf("%s: no //go:build line, want //go:build js && wasm", name)
			continue
		}
		for _, tc := range []struct {
			tags []string
			want bool
		}{
			{[]string{"js", "wasm"}, true},
			{[]string{"js"}, false},
			{[]string{"wasip1", "wasm"}, false},
			{[]string{"linux", "amd64"}, false},
			{nil, false},
		} {
			got := expr.Eval(func(tag string) bool { return contains(tc.tags, tag) })
			if got != tc.want {
				t.Errorf("%s: //go:build %s with tags %q: got built %v, want %v", name, expr, tc.tags, got, tc.want)
			}
		}
	}
}

// buildConstraint returns the file's //go:build expression, or nil. Only
// comments and blank lines may precede it.
func buildConstraint(src string) constraint.Expr {
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			continue
		case constraint.IsGoBuild(line):
			expr, err := constraint.Parse(line)
			if err != nil {
				return nil
			}
			return expr
		case strings.HasPrefix(line, "//"):
			continue
		default:
			return nil
		}
	}
	return nil
}

func contains(tags []string, tag string) bool {
	for _, t := range tags {
		if t == tag {
			return true
		}
	}
	return false
}
