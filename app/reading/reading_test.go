package reading_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"kintsugi/app/inmem"
	"kintsugi/app/reading"
)

func TestProgress(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	t0 := time.Date(2026, 11, 1, 21, 0, 0, 0, time.UTC)

	if last, err := reading.Last(ctx, s); err != nil || last != "" {
		t.Fatalf("Last on an empty store = %q, %v; want nothing", last, err)
	}
	if err := reading.Opened(ctx, s, "start-here", t0); err != nil {
		t.Fatal(err)
	}
	if err := reading.SetRead(ctx, s, "start-here", true, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := reading.Opened(ctx, s, "safety-first", t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	// Opening a read chapter again keeps its mark and makes it the latest.
	if err := reading.Opened(ctx, s, "start-here", t0.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}

	got, err := reading.All(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]reading.Progress{
		"start-here":   {Opened: t0.Add(3 * time.Minute), Read: true},
		"safety-first": {Opened: t0.Add(2 * time.Minute)},
	}
	for slug, w := range want {
		if g := got[slug]; !g.Opened.Equal(w.Opened) || g.Read != w.Read {
			t.Errorf("%s: got %+v, want %+v", slug, g, w)
		}
	}
	if last, _ := reading.Last(ctx, s); last != "start-here" {
		t.Errorf("Last = %q, want start-here", last)
	}

	if err := reading.SetRead(ctx, s, "start-here", false, t0.Add(4*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got, _ := reading.All(ctx, s); got["start-here"].Read {
		t.Error("SetRead false left the chapter marked read")
	}
}

func TestBookmarks(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	t0 := time.Date(2026, 11, 1, 21, 0, 0, 0, time.UTC)
	for i, slug := range []string{"forgiveness", "setbacks", "trickle-truth"} {
		if err := reading.Bookmark(ctx, s, slug, true, t0.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	if err := reading.Bookmark(ctx, s, "setbacks", false, t0); err != nil {
		t.Fatal(err)
	}
	if err := reading.Bookmark(ctx, s, "never-bookmarked", false, t0); err != nil {
		t.Errorf("removing a bookmark that is not there: %v", err)
	}
	got, err := reading.Bookmarks(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"trickle-truth", "forgiveness"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Bookmarks = %v, want %v (newest first)", got, want)
	}
}
