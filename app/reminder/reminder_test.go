package reminder_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zone files
	"unicode/utf8"

	"kintsugi/app/inmem"
	"kintsugi/app/reminder"
	"kintsugi/app/userdata"
)

// local is a fixed zone, as the browser's time.Local is.
var local = time.FixedZone("", 2*3600)

// now is Wednesday 25 March 2026, 21:30 local.
var now = time.Date(2026, time.March, 25, 21, 30, 0, 0, local)

func slot() reminder.Slot {
	return reminder.Slot{ID: "0123456789abcdef0123456789abcdef", Weekday: time.Sunday, Hour: 19, Duration: 30 * time.Minute}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		mod   func(s *reminder.Slot)
		field string
	}{
		{"floating", func(s *reminder.Slot) {}, ""},
		{"zone", func(s *reminder.Slot) { s.Zone = "America/Argentina/Buenos_Aires" }, ""},
		{"etc zone", func(s *reminder.Slot) { s.Zone = "Etc/GMT+5" }, ""},
		{"new slot", func(s *reminder.Slot) { *s = reminder.NewSlot() }, ""},
		{"no id", func(s *reminder.Slot) { s.ID = "" }, "id"},
		{"bad weekday", func(s *reminder.Slot) { s.Weekday = 7 }, "weekday"},
		{"hour 24", func(s *reminder.Slot) { s.Hour = 24 }, "hour"},
		{"minute 60", func(s *reminder.Slot) { s.Minute = 60 }, "hour"},
		{"too short", func(s *reminder.Slot) { s.Duration = time.Minute }, "duration"},
		{"too long", func(s *reminder.Slot) { s.Duration = 5 * time.Hour }, "duration"},
		{"seconds", func(s *reminder.Slot) { s.Duration = 30*time.Minute + time.Second }, "duration"},
		{"Local", func(s *reminder.Slot) { s.Zone = "Local" }, "zone"},
		{"path", func(s *reminder.Slot) { s.Zone = "../etc/passwd" }, "zone"},
		{"space", func(s *reminder.Slot) { s.Zone = "Europe/Paris London" }, "zone"},
		{"note too long", func(s *reminder.Slot) { s.Note = strings.Repeat("n", reminder.MaxNote+1) }, "note"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := slot()
			tc.mod(&s)
			err := s.Validate()
			var ie *userdata.InvalidError
			switch {
			case tc.field == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case tc.field != "" && (!errors.Is(err, userdata.ErrInvalid) || !errors.As(err, &ie) || ie.Field != tc.field):
				t.Errorf("Validate = %v, want an InvalidError on %q", err, tc.field)
			}
		})
	}
}

func TestSaveLoad(t *testing.T) {
	ctx := context.Background()
	st := inmem.New()
	if _, ok, err := reminder.Load(ctx, st); ok || err != nil {
		t.Fatalf("Load on an empty store: ok %v, err %v", ok, err)
	}
	s := slot()
	s.Zone, s.Minute, s.Duration, s.Note = "Europe/Paris", 45, 90*time.Minute, "Kitchen table"
	if err := reminder.Save(ctx, st, s, now); err != nil {
		t.Fatal(err)
	}
	got, ok, err := reminder.Load(ctx, st)
	if err != nil || !ok || got != s {
		t.Errorf("Load = %+v, %v, %v; want %+v", got, ok, err, s)
	}
	s.Hour = 8
	if err := reminder.Save(ctx, st, s, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	r, _ := st.Get(ctx, userdata.KindSetting, reminder.RecordID)
	if !r.Created.Equal(now) || !r.Updated.Equal(now.Add(time.Hour)) {
		t.Errorf("created %v updated %v; want the first save kept", r.Created, r.Updated)
	}
	if _, err := reminder.FromRecord(userdata.Record{Kind: userdata.KindSetting, ID: userdata.SettingsID}); !errors.Is(err, userdata.ErrInvalid) {
		t.Errorf("FromRecord(appearance) = %v, want ErrInvalid", err)
	}
}

// unfold checks the physical lines of an .ics file and returns its
// content lines, unfolded.
func unfold(t *testing.T, b []byte) []string {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Error("the file does not end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	var lines []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets, more than 75: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			if len(lines) == 0 {
				t.Fatal("the file starts with a continuation line")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		if !strings.Contains(l, ":") {
			t.Errorf("line %d is not NAME:value: %q", i+1, l)
		}
		lines = append(lines, l)
	}
	return lines
}

func has(lines []string, want ...string) (missing []string) {
	for _, w := range want {
		found := false
		for _, l := range lines {
			if l == w {
				found = true
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	return missing
}

func TestFileFloating(t *testing.T) {
	s := slot()
	s.Note = "Kitchen table, phones away; tea first.\nBring the list \\ cards 😊 éèê"
	b, err := reminder.File(s, now, false)
	if err != nil {
		t.Fatal(err)
	}
	lines := unfold(t, b)
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("first and last lines: %q, %q", lines[0], lines[len(lines)-1])
	}
	if m := has(lines,
		"VERSION:2.0",
		"PRODID:-//Kintsugi//Weekly check-in//EN",
		"BEGIN:VEVENT",
		"UID:0123456789abcdef0123456789abcdef",
		"DTSTAMP:20260325T193000Z",
		"DTSTART:20260329T190000", // the next Sunday, floating: no Z, no TZID
		"DURATION:PT30M",
		"RRULE:FREQ=WEEKLY;BYDAY=SU",
		"SUMMARY:Kintsugi weekly check-in",
		"DESCRIPTION:Time for your weekly check-in: how each of you is doing\\, one appreciation\\, "+
			"one thing that was hard\\, one request\\, and the next step. Open Kintsugi whenever you are both ready."+
			"\\n\\nKitchen table\\, phones away\\; tea first.\\nBring the list \\\\ cards 😊 éèê",
		"BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0S", "END:VALARM",
		"END:VEVENT",
	); m != nil {
		t.Errorf("missing lines %q in\n%s", m, b)
	}
	if bytes.Contains(b, []byte("VTIMEZONE")) {
		t.Error("a floating slot has a VTIMEZONE")
	}
	// Folding is at work: the description is longer than a line.
	if !bytes.Contains(b, []byte("\r\n ")) {
		t.Error("no folded line")
	}
	// The same slot exported again keeps its UID.
	again, _ := reminder.File(s, now.Add(48*time.Hour), false)
	if !bytes.Contains(again, []byte("UID:0123456789abcdef0123456789abcdef\r\n")) {
		t.Error("UID changed between exports")
	}
}

func TestFileDiscreet(t *testing.T) {
	b, err := reminder.File(slot(), now, true)
	if err != nil {
		t.Fatal(err)
	}
	lines := unfold(t, b)
	if m := has(lines, "SUMMARY:Notes", "PRODID:-//Notes//EN"); m != nil {
		t.Errorf("missing %q", m)
	}
	if bytes.Contains(bytes.ToLower(b), []byte("kintsugi")) || bytes.Contains(bytes.ToLower(b), []byte("check-in")) {
		t.Errorf("the discreet file names the app:\n%s", b)
	}
	if reminder.Filename(true) != "notes.ics" || !strings.HasSuffix(reminder.Filename(false), ".ics") {
		t.Error("Filename is wrong")
	}
}

func TestFileStartAndDuration(t *testing.T) {
	tests := []struct {
		weekday      time.Weekday
		hour, minute int
		d            time.Duration
		start, dur   string
	}{
		{time.Wednesday, 7, 5, time.Hour, "DTSTART:20260325T070500", "DURATION:PT1H"}, // today, even if past
		{time.Tuesday, 20, 0, 90 * time.Minute, "DTSTART:20260331T200000", "DURATION:PT1H30M"},
		{time.Thursday, 0, 0, 5 * time.Minute, "DTSTART:20260326T000000", "DURATION:PT5M"},
	}
	for _, tc := range tests {
		s := slot()
		s.Weekday, s.Hour, s.Minute, s.Duration = tc.weekday, tc.hour, tc.minute, tc.d
		b, err := reminder.File(s, now, false)
		if err != nil {
			t.Fatal(err)
		}
		if m := has(unfold(t, b), tc.start, tc.dur); m != nil {
			t.Errorf("%v: missing %q", tc.weekday, m)
		}
	}
}

func TestFileZones(t *testing.T) {
	tests := []struct {
		zone string
		want []string
	}{
		{"America/New_York", []string{
			"DTSTART;TZID=America/New_York:20260329T190000",
			"BEGIN:VTIMEZONE", "TZID:America/New_York",
			"BEGIN:DAYLIGHT", "DTSTART:20250309T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:EDT",
			"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
			"BEGIN:STANDARD", "DTSTART:20251102T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST",
			"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
		}},
		{"Europe/Paris", []string{
			"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
			"DTSTART:20250330T020000", "DTSTART:20251026T030000",
		}},
		{"Australia/Sydney", []string{
			"BEGIN:DAYLIGHT", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU", "TZOFFSETTO:+1100",
			"BEGIN:STANDARD", "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "TZOFFSETTO:+1000",
		}},
		{"Asia/Tokyo", []string{
			"BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900",
		}},
		{"Asia/Kolkata", []string{"TZOFFSETTO:+0530"}},
	}
	for _, tc := range tests {
		t.Run(tc.zone, func(t *testing.T) {
			s := slot()
			s.Zone = tc.zone
			b, err := reminder.File(s, now, false)
			if err != nil {
				t.Fatal(err)
			}
			lines := unfold(t, b)
			if m := has(lines, tc.want...); m != nil {
				t.Errorf("missing %q in\n%s", m, b)
			}
			if tc.zone == "Asia/Tokyo" && bytes.Contains(b, []byte("DAYLIGHT")) {
				t.Error("Tokyo has no daylight saving time")
			}
			if n := bytes.Count(b, []byte("BEGIN:VTIMEZONE")); n != 1 {
				t.Errorf("%d VTIMEZONEs, want 1", n)
			}
		})
	}

	s := slot()
	s.Zone = "Mars/Olympus_Mons"
	if _, err := reminder.File(s, now, false); err == nil {
		t.Error("File with an unknown zone: no error")
	}
}

func TestDue(t *testing.T) {
	sunday := func(day, h, m int) time.Time { return time.Date(2026, time.March, day, h, m, 0, 0, local) }
	tests := []struct {
		name    string
		last    time.Time
		now     time.Time
		due     bool
		message string
	}{
		{"never, during the slot", time.Time{}, sunday(29, 19, 10), true,
			"It is time for your weekly check-in. There is no rush; start whenever you are both ready."},
		{"never, after the slot", time.Time{}, sunday(30, 10, 0), true,
			"Your weekly check-in was planned for Sunday evening. It is here whenever you are ready."},
		{"done after the slot", sunday(29, 20, 0), sunday(30, 10, 0), false, ""},
		{"done earlier that day", sunday(29, 9, 0), sunday(29, 19, 5), false, ""},
		{"done three days early", sunday(26, 0, 0), sunday(29, 19, 5), false, ""},
		{"done four days early", sunday(25, 23, 59), sunday(29, 19, 5), true,
			"It is time for your weekly check-in. There is no rush; start whenever you are both ready."},
		{"before this week's slot, last week's done", sunday(22, 19, 30), sunday(28, 12, 0), false, ""},
		{"before this week's slot, last week's missed", sunday(15, 19, 30), sunday(28, 12, 0), true,
			"Your weekly check-in was planned for Sunday evening. It is here whenever you are ready."},
		{"a minute before the slot", sunday(22, 19, 30), sunday(29, 18, 59), false, ""},
		{"weeks missed: the same quiet note", sunday(1, 19, 0), sunday(29, 21, 0), true,
			"Your weekly check-in was planned for Sunday evening. It is here whenever you are ready."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := reminder.Due(tc.last, slot(), tc.now)
			if st.Due != tc.due || st.Message != tc.message {
				t.Errorf("Due = %v %q, want %v %q", st.Due, st.Message, tc.due, tc.message)
			}
			if st.Last.After(tc.now) || !st.Next.After(tc.now) || st.Last.Weekday() != time.Sunday || st.Last.Hour() != 19 ||
				!st.Next.Equal(st.Last.AddDate(0, 0, 7)) {
				t.Errorf("Last %v, Next %v around now %v", st.Last, st.Next, tc.now)
			}
		})
	}

	if st := reminder.Due(time.Time{}, reminder.Slot{}, now); st.Due {
		t.Error("an invalid slot is due")
	}

	// In a named zone, on the day the clocks change.
	paris, _ := time.LoadLocation("Europe/Paris")
	s := slot()
	s.Zone = "Europe/Paris"
	st := reminder.Due(time.Time{}, s, time.Date(2026, time.March, 29, 17, 5, 0, 0, time.UTC)) // 19:05 CEST
	if want := time.Date(2026, time.March, 29, 19, 0, 0, 0, paris); !st.Due || !st.Last.Equal(want) {
		t.Errorf("Last = %v, want %v", st.Last, want)
	}
}
