package safety_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kintsugi/app/inmem"
	"kintsugi/app/safety"
	"kintsugi/app/userdata"
)

func answers(a safety.Answer) map[string]safety.Answer {
	m := map[string]safety.Answer{}
	for _, q := range safety.Questions {
		m[q.ID] = a
	}
	return m
}

func TestFlagged(t *testing.T) {
	tests := []struct {
		name   string
		change map[string]safety.Answer
		want   bool
	}{
		{"all no", nil, false},
		{"one yes", map[string]safety.Answer{"monitoring": safety.Yes}, true},
		{"one unsure", map[string]safety.Answer{"afraid": safety.Unsure}, true},
		{"forced sex", map[string]safety.Answer{"sex": safety.Yes}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := safety.Result{Answers: answers(safety.No)}
			for k, v := range tc.change {
				r.Answers[k] = v
			}
			if got := r.Flagged(); got != tc.want {
				t.Errorf("Flagged() = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	missing := answers(safety.No)
	delete(missing, "hurt")
	odd := answers(safety.No)
	odd["hurt"] = "maybe"
	for name, a := range map[string]map[string]safety.Answer{"missing": missing, "unknown answer": odd} {
		if err := (safety.Result{Answers: a}).Validate(); !errors.Is(err, userdata.ErrInvalid) {
			t.Errorf("%s: Validate = %v, want ErrInvalid", name, err)
		}
	}
}

func TestSaveLoadClear(t *testing.T) {
	ctx := context.Background()
	s := inmem.New()
	now := time.Date(2026, 11, 20, 22, 0, 0, 0, time.UTC)
	if _, ok, err := safety.Load(ctx, s); ok || err != nil {
		t.Fatalf("Load on an empty store: ok %v, err %v", ok, err)
	}
	r := safety.Result{Answers: answers(safety.No), Taken: now}
	r.Answers["control"] = safety.Yes
	if err := safety.Save(ctx, s, r, now); err != nil {
		t.Fatal(err)
	}
	got, ok, err := safety.Load(ctx, s)
	if err != nil || !ok || !got.Flagged() || got.Answers["control"] != safety.Yes {
		t.Fatalf("Load = %+v, %v, %v; want the saved, flagged check", got, ok, err)
	}
	if err := safety.Save(ctx, s, safety.Result{Answers: map[string]safety.Answer{}}, now); !errors.Is(err, userdata.ErrInvalid) {
		t.Errorf("saving an incomplete check: %v, want ErrInvalid", err)
	}
	if err := safety.Clear(ctx, s); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := safety.Load(ctx, s); ok {
		t.Error("the check is still there after Clear")
	}
}
