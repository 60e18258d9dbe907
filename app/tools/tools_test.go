package tools_test

import (
	"regexp"
	"slices"
	"testing"

	"kintsugi/app/tools"
)

func TestCatalogue(t *testing.T) {
	slug := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, tool := range tools.All {
		if !slug.MatchString(tool.Slug) {
			t.Errorf("slug %q is not lower-case words joined by hyphens", tool.Slug)
		}
		if seen[tool.Slug] {
			t.Errorf("slug %q is listed twice", tool.Slug)
		}
		seen[tool.Slug] = true
		if tool.Name == "" || tool.Summary == "" {
			t.Errorf("tool %q has no name or summary", tool.Slug)
		}
		if !slices.Contains(tools.Groups, tool.Group) {
			t.Errorf("tool %q is in group %q, which the Tools page does not list", tool.Slug, tool.Group)
		}
		got, ok := tools.Find(tool.Slug)
		if !ok || got != tool {
			t.Errorf("Find(%q) = %v, %v; want the catalogue entry", tool.Slug, got, ok)
		}
	}
	if _, ok := tools.Find("no-such-tool"); ok {
		t.Error("Find found a tool that is not in the catalogue")
	}
}

func TestCoupleToolsExist(t *testing.T) {
	n := 0
	for _, tool := range tools.All {
		if tool.ForCouples() {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d tools are marked for couples, want 4 (every name in forCouples must be a real tool)", n)
	}
	if tool, _ := tools.Find("safety-check"); tool.ForCouples() {
		t.Error("the safety check is marked as a couple tool")
	}
}
