package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"kintsugi/app/civil"
	"kintsugi/app/feelings"
	"kintsugi/app/journal"
	"kintsugi/app/order"
	"kintsugi/app/userdata"
)

func init() {
	toolPages["journal"] = func(d Deps) app.Composer { return &journalPage{deps: d} }
}

// The journal's draft: what is typed into the new entry form is kept, a
// moment after each change, in one journal record with a fixed ID, so that
// a reload, a crash or a closed tab loses nothing. It is sealed by the
// passphrase lock like every entry, goes with the journal into backups, and
// is deleted when the entry is saved or its form emptied. Its data has the
// entry's own fields, plus "draft":true and the day as typed:
//
//	{"draft":true,"day":"2026-03-25","title":"…","text":"…","feelings":["hurt"]}
//
// The page lists journal records itself and leaves the draft out.
const journalDraftID = journal.DraftID

// journalForm is what a journal form's fields hold.
type journalForm struct {
	Draft    bool               `json:"draft"`
	Day      string             `json:"day,omitempty"` // as a date input writes it: 2006-01-02
	Title    string             `json:"title,omitempty"`
	Text     string             `json:"text,omitempty"`
	Feelings []feelings.Feeling `json:"feelings,omitempty"`
}

// empty reports whether nothing worth keeping has been written.
func (f journalForm) empty() bool {
	return strings.TrimSpace(f.Title) == "" && strings.TrimSpace(f.Text) == "" && len(f.Feelings) == 0
}

// journalFormOf returns an entry's fields as a form holds them.
func journalFormOf(e journal.Entry) journalForm {
	return journalForm{Day: e.Day.String(), Title: e.Title, Text: e.Text, Feelings: slices.Clone(e.Feelings)}
}

// entry returns e with the form's fields. A day that cannot be read is left
// zero, for validation to report.
func (f journalForm) entry(e journal.Entry) journal.Entry {
	e.Day, _ = civil.Parse(f.Day)
	e.Title = strings.TrimSpace(f.Title)
	e.Text = f.Text
	e.Feelings = slices.Clone(f.Feelings)
	feelings.Sort(e.Feelings)
	return e
}

// journalData is what the journal page loads.
type journalData struct {
	entries []journal.Entry // newest first
	draft   *journalForm
	damaged int // records that could not be read
}

// loadJournal reads the newest limit journal records (all with limit 0),
// newest first, and the draft if it is among them.
func loadJournal(ctx context.Context, s userdata.Store, limit int) (journalData, error) {
	recs, err := s.List(ctx, userdata.KindJournal, userdata.Query{Newest: true, Limit: limit})
	if err != nil {
		return journalData{}, err
	}
	d := journalData{entries: make([]journal.Entry, 0, len(recs))}
	for _, r := range recs {
		if r.ID == journalDraftID {
			var f journalForm
			if r.Decode(&f) == nil {
				d.draft = &f
			}
			continue
		}
		e, err := journal.FromRecord(r)
		if err != nil {
			d.damaged++
			continue
		}
		d.entries = append(d.entries, e)
	}
	order.Sort(d.entries, func(a, b journal.Entry) int { return journal.Compare(b, a) })
	return d, nil
}

// saveJournalDraft keeps f as the draft, or deletes the draft if f is empty.
func saveJournalDraft(ctx context.Context, s userdata.Store, f journalForm, at time.Time) error {
	if f.empty() {
		return s.Delete(ctx, userdata.KindJournal, journalDraftID)
	}
	f.Draft = true
	day, err := civil.Parse(f.Day)
	if err != nil || day.Year < userdata.MinTime.Year() || day.Year >= userdata.MaxTime.Year() {
		day = civil.Of(at)
	}
	r, err := userdata.New(userdata.KindJournal, journalDraftID, day.In(time.UTC), f, at)
	if err != nil {
		return err
	}
	return s.Put(ctx, r)
}

// insertJournalEntry puts e into es, newest first, replacing an entry with
// its ID.
func insertJournalEntry(es []journal.Entry, e journal.Entry) []journal.Entry {
	es = slices.DeleteFunc(slices.Clone(es), func(x journal.Entry) bool { return x.ID == e.ID })
	i, _ := slices.BinarySearchFunc(es, e, func(a, b journal.Entry) int { return journal.Compare(b, a) })
	return slices.Insert(es, i, e)
}

// journalBatch is how many entries or search results the journal shows at
// first, and how many more each "Show more" adds.
const journalBatch = 30

// The id prefixes of the two journal forms' controls. They differ, and so
// do the elements around the forms, so that go-app never reuses one form's
// fields for the other.
const (
	journalNewForm  = "journal"
	journalEditForm = "journal-edit"
)

// journalPage is the journal: a form for a new entry (kept as a draft
// while it is written), the entries newest first, a search over them, and
// one entry to read, edit or delete. The entry shown is ?entry=ID in the
// address, so that Back returns to the list.
type journalPage struct {
	app.Compo
	deps Deps
	stop func()
	// mounted is the page's own context: work started from a button or
	// form that leaves the page reports back through it (see
	// lockLayer.mounted).
	mounted app.Context

	loadGen int
	loaded  bool
	problem string // why the entries could not be loaded
	entries []journal.Entry
	index   *journal.Index
	damaged int
	limit   int // how many entries or results are shown

	query   string
	results []journal.Match

	openID   string // the entry shown, from ?entry=
	editing  bool
	edit     journalForm
	editErrs fieldProblems

	form       journalForm // the new entry
	formErrs   fieldProblems
	formStatus string
	formFailed bool
	dirty      bool         // typed since the draft was last kept or loaded
	partial    bool         // only the newest entries are loaded so far
	draftGen   atomic.Int64 // counts changes, so that only the newest is kept
	draftMu    sync.Mutex   // one draft write at a time
	draftNote  string
	saving     bool

	status string // about the entry on screen, a delete or its undo
	failed bool
	undo   undoSlot[journal.Entry]
}

func (p *journalPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Journal", "Private journal entries, kept only on this device.")
	id := ""
	if app.IsClient {
		id = ctx.Page().URL().Query().Get("entry")
	}
	if id == p.openID {
		return
	}
	last := p.openID
	p.openID, p.editing, p.editErrs = id, false, nil
	p.status, p.failed = "", false
	switch {
	case id != "":
		ctx.Defer(func(app.Context) { focusID("entry-heading") })
	case last != "":
		// Back in the list: its fields are new ones.
		q, form := p.query, p.form
		ctx.Defer(func(app.Context) {
			journalFill(journalNewForm, form, false)
			putFieldValue("journal-search", q, false)
			focusID("entry-" + last)
		})
	}
}

func (p *journalPage) OnMount(ctx app.Context) {
	p.mounted = ctx
	p.form = journalForm{Day: today().String()}
	p.limit = journalBatch
	p.load(ctx, true)
	p.stop = watchStore(ctx, p.deps.Store, func(ctx app.Context) { p.load(ctx, false) }, userdata.KindJournal)
}

func (p *journalPage) OnDismount() { stopWatch(p.stop) }

// load reads the entries and the draft: on mount, after another tab
// changed them, and when the lock opens or closes. On mount it reads the
// newest entries first, so that a long journal lists at once, then all.
func (p *journalPage) load(ctx app.Context, first bool) {
	store := p.deps.Store
	if store == nil {
		return
	}
	p.loadGen++
	gen := p.loadGen
	ctx = p.mounted
	ctx.Async(func() {
		if first {
			d, err := loadJournal(ctx, store, journalBatch+1)
			if err == nil {
				ctx.Dispatch(func(ctx app.Context) {
					if gen == p.loadGen {
						p.partial = true
						p.apply(ctx, d, err, first)
					}
				})
			}
		}
		d, err := loadJournal(ctx, store, 0)
		ctx.Dispatch(func(ctx app.Context) {
			if gen == p.loadGen {
				p.partial = false
				p.apply(ctx, d, err, first)
			}
		})
	})
}

func (p *journalPage) apply(ctx app.Context, d journalData, err error, first bool) {
	switch {
	case errors.Is(err, userdata.ErrLocked):
		// The lock screen covers the page; nothing stays in it.
		p.loaded, p.entries, p.index, p.results = false, nil, nil, nil
		return
	case err != nil:
		p.loaded, p.problem = true, userdata.Message(err)
		return
	}
	p.loaded, p.problem = true, ""
	p.entries, p.damaged = d.entries, d.damaged
	p.reindex()
	// The draft: this tab's own after a reload or an unlock, or one kept
	// in another tab. What is being typed here wins over it.
	if !p.dirty {
		switch {
		case d.draft != nil:
			p.form = *d.draft
			if p.form.Day == "" {
				p.form.Day = today().String()
			}
		case !p.form.empty():
			p.form = journalForm{Day: today().String()}
		}
	}
	// Fields the page left while it was locked come back empty: fill
	// those, and leave alone any that hold what is being typed.
	// The form is read when the fields are filled, not now, and the first
	// load fills only empty fields: someone who started typing while the
	// page was loading keeps every word, even one the page has not yet
	// heard of.
	ctx.Defer(func(app.Context) {
		journalFill(journalNewForm, p.form, first || p.dirty)
		if p.editing {
			journalFill(journalEditForm, p.edit, true)
		}
	})
}

// reindex follows a change to the entries: the search index is built
// again when it is next needed, so that a long journal lists at once.
func (p *journalPage) reindex() {
	p.index = nil
	p.search(p.query)
}

// search finds the entries matching q, building the index on first use.
func (p *journalPage) search(q string) {
	p.query = q
	p.results = nil
	if strings.TrimSpace(q) == "" {
		return
	}
	if p.index == nil {
		p.index = journal.NewIndex(p.entries)
	}
	p.results = p.index.Search(q)
}

// journalFill puts a form's values into its fields. With gently, it fills
// only empty fields.
func journalFill(prefix string, f journalForm, gently bool) {
	putFieldValue(prefix+"-day", f.Day, gently)
	putFieldValue(prefix+"-title", f.Title, gently)
	putFieldValue(prefix+"-text", f.Text, gently)
}

// journalRead takes a form's values from its fields, in case a change did
// not reach an input event (autofill, a last keystroke). An empty field
// does not empty a value the form holds: every edit by hand fires an input
// event, which has emptied the form already, so an empty field there means
// go-app drew it afresh without its value. It gets the value back.
func journalRead(prefix string, f *journalForm) {
	for _, fl := range []struct {
		id  string
		val *string
	}{{prefix + "-day", &f.Day}, {prefix + "-title", &f.Title}, {prefix + "-text", &f.Text}} {
		v, ok := fieldValue(fl.id)
		switch {
		case !ok:
		case v == "" && *fl.val != "":
			putFieldValue(fl.id, *fl.val, true)
		default:
			*fl.val = v
		}
	}
}

func (p *journalPage) find(id string) (journal.Entry, bool) {
	for _, e := range p.entries {
		if e.ID == id {
			return e, true
		}
	}
	return journal.Entry{}, false
}

func (p *journalPage) Render() app.UI {
	var view app.UI
	switch {
	case p.openID != "" && p.editing:
		view = p.editView()
	case p.openID != "":
		view = p.readView()
	default:
		view = p.listView()
	}
	// One status line, always on the page and in the same place, so that
	// screen readers announce what a save, a delete or an undo did.
	return frame(p.deps, sectionTools, "Journal",
		statusLine(p.status, p.failed),
		view,
	)
}

// listView is the new entry form, the search and the entries, in a div:
// the reading view is an article and the edit view a section.
func (p *journalPage) listView() app.UI {
	return app.Div().Class("journal").Body(
		para("A private place to write: what happened, what you feel, what you hope for. Your entries are saved only on this device."),
		app.P().Class("muted").Body(
			app.Text("To keep them from anyone who picks up this device, "),
			link("/settings/lock", "turn on the passphrase lock"),
			app.Text("."),
		),
		p.newForm(),
		p.entriesSection(),
	)
}

func (p *journalPage) newForm() app.UI {
	return app.Section().Class("card").Aria("labelledby", "new-entry-heading").Body(
		heading2("new-entry-heading", "New entry"),
		app.Form().Class("stack journal-form").OnSubmit(p.saveNew).Body(
			append(p.fields(journalNewForm, &p.form, p.formErrs, p.typed),
				paraClass("muted draft-note", p.draftNote),
				app.Div().Class("actions").Body(
					app.Button().Type("submit").Class("primary").Text("Save entry").Disabled(p.saving),
				),
				statusLine(p.formStatus, p.formFailed),
			)...,
		),
	)
}

// fields are a journal form's controls. onChange runs after each change
// has been read into f.
func (p *journalPage) fields(prefix string, f *journalForm, errs fieldProblems, onChange func(ctx app.Context, field string)) []app.UI {
	dayID, titleID, textID := prefix+"-day", prefix+"-title", prefix+"-text"
	textLabel := "What is on your mind"
	if prefix == journalEditForm {
		textLabel = "Your entry"
	}
	return []app.UI{
		labelFor(dayID, "Date"),
		problemSlot(dayID, errs["day"]),
		app.Input().Type("date").ID(dayID).Class("short").Aria("required", "true").
			Aria("describedby", describedBy(dayID, false, errs["day"])).Aria("invalid", errs["day"] != "").
			OnChange(func(ctx app.Context, e app.Event) {
				f.Day = ctx.JSSrc().Get("value").String()
				onChange(ctx, "day")
			}),
		labelFor(titleID, "Title (optional)"),
		problemSlot(titleID, errs["title"]),
		app.Input().Type("text").ID(titleID).MaxLength(journal.MaxTitle).Attr("autocomplete", "off").
			Aria("describedby", describedBy(titleID, false, errs["title"])).Aria("invalid", errs["title"] != "").
			OnInput(func(ctx app.Context, e app.Event) {
				f.Title = ctx.JSSrc().Get("value").String()
				onChange(ctx, "title")
			}),
		p.feelingsPicker(prefix, f, errs["feelings"], onChange),
		labelFor(textID, textLabel),
		problemSlot(textID, errs["text"]),
		app.Textarea().ID(textID).Rows(10).Class("journal-text").Aria("required", "true").
			Aria("describedby", describedBy(textID, false, errs["text"])).Aria("invalid", errs["text"] != "").
			OnInput(func(ctx app.Context, e app.Event) {
				f.Text = ctx.JSSrc().Get("value").String()
				onChange(ctx, "text")
			}),
	}
}

// journalFeelingID is the id of a feeling's checkbox in a form.
func journalFeelingID(prefix string, f feelings.Feeling) string {
	return prefix + "-feel-" + strings.ReplaceAll(string(f), " ", "-")
}

// feelingsPicker is the optional feelings, in their groups, folded away
// until opened.
func (p *journalPage) feelingsPicker(prefix string, f *journalForm, problem string, onChange func(ctx app.Context, field string)) app.UI {
	summary := "Feelings (optional)"
	if len(f.Feelings) > 0 {
		chosen := slices.Clone(f.Feelings)
		feelings.Sort(chosen)
		summary = "Feelings: " + feelingList(chosen)
	}
	groups := feelings.Groups()
	return app.Details().Class("feelings").Open(len(f.Feelings) > 0 || problem != "").Body(
		app.Summary().Text(summary),
		problemSlot(prefix+"-feelings", problem),
		paraClass("muted", "Choose any that fit, or none."),
		app.Range(groups).Slice(func(i int) app.UI {
			g := groups[i]
			return app.FieldSet().Class("choices feelings-group").Body(
				app.Legend().Text(g.Name),
				app.Div().Class("chips").Body(
					app.Range(g.Feelings).Slice(func(j int) app.UI {
						feel := g.Feelings[j]
						id := journalFeelingID(prefix, feel)
						return app.Div().Class("choice chip").Body(
							app.Input().Type("checkbox").ID(id).Value(string(feel)).Checked(slices.Contains(f.Feelings, feel)).
								OnChange(func(ctx app.Context, e app.Event) {
									on := ctx.JSSrc().Get("checked").Bool()
									f.Feelings = slices.DeleteFunc(f.Feelings, func(x feelings.Feeling) bool { return x == feel })
									if on {
										f.Feelings = append(f.Feelings, feel)
									}
									onChange(ctx, "feelings")
								}),
							labelFor(id, string(feel)),
						)
					}),
				),
			)
		}),
	)
}

// feelingList writes feelings as a list: "hurt, sad".
func feelingList(fs []feelings.Feeling) string {
	words := make([]string, len(fs))
	for i, f := range fs {
		words[i] = string(f)
	}
	return strings.Join(words, ", ")
}

// typed follows a change in the new entry form: its problem note goes, and
// the draft is kept a moment after the typing pauses.
func (p *journalPage) typed(ctx app.Context, field string) {
	p.dirty = true
	gen := p.draftGen.Add(1)
	p.mounted.After(600*time.Millisecond, func(ctx app.Context) { p.keepDraft(ctx, gen) })
	switch {
	case p.formErrs[field] != "" || p.formStatus != "":
		delete(p.formErrs, field)
		p.formStatus, p.formFailed = "", false
	case field == "text" || field == "title":
		// Nothing else on the page changes as the text grows.
		ctx.PreventUpdate()
	}
}

// keepDraft writes the new entry form as the draft, if nothing changed
// since change gen.
func (p *journalPage) keepDraft(ctx app.Context, gen int64) {
	store := p.deps.Store
	if store == nil || p.draftGen.Load() != gen {
		return
	}
	f := p.form
	f.Feelings = slices.Clone(f.Feelings)
	ctx = p.mounted
	ctx.Async(func() {
		p.draftMu.Lock()
		var err error
		if p.draftGen.Load() == gen { // not typed again, nor saved as an entry
			err = saveJournalDraft(ctx, store, f, now())
		}
		p.draftMu.Unlock()
		ctx.Dispatch(func(app.Context) {
			if p.draftGen.Load() != gen {
				return // typed again, or saved as an entry
			}
			switch {
			case errors.Is(err, userdata.ErrLocked):
			case err != nil:
				p.draftNote = "Your draft could not be kept: " + userdata.Message(err)
			case f.empty():
				p.dirty, p.draftNote = false, ""
			default:
				p.dirty, p.draftNote = false, "Draft kept on this device. It will be here if you close the page."
			}
		})
	})
}

// saveNew saves the new entry and empties the form.
func (p *journalPage) saveNew(ctx app.Context, e app.Event) {
	e.PreventDefault()
	store := p.deps.Store
	if store == nil || p.saving {
		return
	}
	journalRead(journalNewForm, &p.form)
	entry := p.form.entry(journal.New(civil.Date{}))
	p.formErrs, p.formStatus, p.formFailed = nil, "", false
	p.status = ""
	if p.invalid(journalNewForm, entry.Validate()) {
		return
	}
	p.saving = true
	gen := p.draftGen.Add(1) // no older draft may be written after this
	ctx = p.mounted
	ctx.Async(func() {
		p.draftMu.Lock()
		saved, err := journal.Save(ctx, store, entry, now())
		if err == nil {
			_ = store.Delete(ctx, userdata.KindJournal, journalDraftID)
		}
		p.draftMu.Unlock()
		ctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if p.invalid(journalNewForm, err) {
				return
			}
			if err != nil {
				p.formStatus, p.formFailed = "Your entry was not saved: "+userdata.Message(err), true
				return
			}
			p.entries = insertJournalEntry(p.entries, saved)
			p.reindex()
			if p.draftGen.Load() == gen {
				p.form, p.dirty, p.draftNote = journalForm{Day: today().String()}, false, ""
				form := p.form
				ctx.Defer(func(app.Context) { journalFill(journalNewForm, form, false) })
			}
			p.formStatus, p.formFailed = "Your entry is saved. You will find it in the list below.", false
		})
	})
}

// invalid shows a validation error beside its field and moves the focus
// there. It reports whether err was one.
func (p *journalPage) invalid(prefix string, err error) bool {
	field, problem, ok := problemOf(err)
	if !ok {
		return false
	}
	status := &p.formStatus
	failed := &p.formFailed
	errs := &p.formErrs
	if prefix == journalEditForm {
		status, failed, errs = &p.status, &p.failed, &p.editErrs
	}
	id := prefix + "-" + field
	switch field {
	case "day", "title", "text":
	case "feelings":
		id = journalFeelingID(prefix, feelings.All()[0])
	default:
		*status, *failed = userdata.Message(err), true
		return true
	}
	*errs = fieldProblems{field: problem}
	*status, *failed = "Not saved yet: please look at the note beside the "+journalFieldNames[field]+".", true
	p.mounted.Defer(func(app.Context) { focusID(id) })
	return true
}

// journalFieldNames name a journal form's fields in a sentence.
var journalFieldNames = map[string]string{"day": "date", "title": "title", "text": "text", "feelings": "feelings"}

// entriesSection is the search and the list of entries, or the results.
func (p *journalPage) entriesSection() app.UI {
	return app.Section().ID("journal-entries").Aria("labelledby", "entries-heading").Aria("busy", !p.loaded).Body(
		heading2("entries-heading", "Your entries"),
		p.undoNotice(),
		p.entriesBody(),
	)
}

func (p *journalPage) undoNotice() app.UI {
	gone := p.undo.kept
	if gone == nil {
		return undoNotice("journal-undo", "", p.undoDelete)
	}
	what := "“" + gone.Title + "”"
	if gone.Title == "" {
		what = "from " + longDay(gone.Day)
	}
	return undoNotice("journal-undo", "The entry "+what+" is deleted.", p.undoDelete)
}

func (p *journalPage) entriesBody() app.UI {
	switch {
	case p.problem != "":
		return app.Div().Class("notice warning").Role("alert").Body(para(p.problem))
	case !p.loaded:
		return paraClass("muted", "Loading your entries…")
	case len(p.entries) == 0:
		return app.Div().Class("empty").Body(
			para("No entries yet. Each entry you save appears here, newest first, and you can search everything you have written."),
			para("Not sure where to begin? Try a few lines about today: one thing that was hard, and one thing that helped, however small."),
			p.damagedNote(),
		)
	}
	return app.Div().Body(
		app.Form().Role("search").Class("search").OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
			labelFor("journal-search", "Search your entries"),
			app.Div().Class("search-row").Body(
				app.Input().Type("search").ID("journal-search").Attr("autocomplete", "off").
					OnInput(func(ctx app.Context, e app.Event) {
						p.search(ctx.JSSrc().Get("value").String())
						p.limit = journalBatch
					}),
				app.If(p.query != "", func() app.UI {
					return button("Clear search").OnClick(func(ctx app.Context, e app.Event) {
						p.search("")
						p.limit = journalBatch
						putFieldValue("journal-search", "", false)
						focusID("journal-search")
					})
				}),
			),
		),
		app.If(strings.TrimSpace(p.query) != "", p.resultList).Else(p.entryList),
		p.damagedNote(),
	)
}

func (p *journalPage) damagedNote() app.UI {
	if p.damaged == 0 {
		return nil
	}
	return paraClass("muted", countText(p.damaged, "saved entry", "saved entries")+" could not be read and "+ifText(p.damaged == 1, "is", "are")+" not shown.")
}

// journalItem is one entry in the list or the results: a link to read it
// with its day and its title, or the start of its text if it has none,
// then the start of its text and its feelings.
func journalItem(e journal.Entry, title, excerpt []app.UI) app.UI {
	if len(title) == 0 {
		title, excerpt = excerpt, nil
	}
	return app.Li().Body(
		app.A().ID("entry-"+e.ID).Class("entry-link").Href("/tools/journal?entry="+e.ID).Body(
			app.Span().Class("entry-day").Text(shortDay(e.Day)),
			app.Span().Class("entry-title").Body(title...),
		),
		app.If(len(excerpt) > 0, func() app.UI { return app.P().Class("excerpt").Body(excerpt...) }),
		app.If(len(e.Feelings) > 0, func() app.UI {
			return paraClass("muted entry-feelings", "Feelings: "+feelingList(e.Feelings))
		}),
	)
}

func (p *journalPage) entryList() app.UI {
	shown := p.entries[:min(p.limit, len(p.entries))]
	return app.Div().Body(
		app.If(p.partial, func() app.UI { return paraClass("muted", "Newest first.") }).
			Else(func() app.UI {
				return paraClass("muted", countText(len(p.entries), "entry", "entries")+", newest first.")
			}),
		app.Ol().Class("journal-list").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				e := shown[i]
				var title []app.UI
				if e.Title != "" {
					title = []app.UI{app.Text(e.Title)}
				}
				if len(title) == 0 {
					// The start of the text names the entry.
					return journalItem(e, []app.UI{app.Text(excerpt(e.Text, 80))}, nil)
				}
				return journalItem(e, title, []app.UI{app.Text(excerpt(e.Text, 140))})
			}),
		),
		p.moreButton(len(p.entries)-len(shown)),
	)
}

func (p *journalPage) resultList() app.UI {
	n := len(p.results)
	shown := p.results[:min(p.limit, n)]
	q := strings.TrimSpace(p.query)
	summary := "No entry matches “" + q + "”. Try another word, or the start of one."
	if n > 0 {
		summary = countText(n, "entry matches", "entries match") + " “" + q + "”."
	}
	return app.Div().Body(
		paraClass("search-summary", summary).Role("status"),
		app.Ol().Class("journal-list").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				m := shown[i]
				return journalItem(p.entries[m.Index], markedSpans(m.Title()), markedSpans(m.Snippet()))
			}),
		),
		p.moreButton(n-len(shown)),
	)
}

// moreButton shows the next batch of entries or results, if left are not
// shown yet.
func (p *journalPage) moreButton(left int) app.UI {
	if left <= 0 || p.partial {
		return nil
	}
	return button("Show " + countText(min(left, journalBatch), "more", "more")).
		OnClick(func(ctx app.Context, e app.Event) { p.limit += journalBatch })
}

// markedSpans renders search spans as text, with the matching words in
// <mark> elements.
func markedSpans(spans []journal.Span) []app.UI {
	out := make([]app.UI, len(spans))
	for i, s := range spans {
		if s.Match {
			out[i] = app.Mark().Text(s.Text)
		} else {
			out[i] = app.Text(s.Text)
		}
	}
	return out
}

// readView shows one entry in full.
func (p *journalPage) readView() app.UI {
	back := app.P().Body(link("/tools/journal", "Back to all entries"))
	e, ok := p.find(p.openID)
	switch {
	case !p.loaded && p.problem == "":
		return app.Article().Body(back, paraClass("muted", "Loading the entry…"))
	case !ok:
		return app.Article().Body(
			back,
			heading2("entry-heading", "This entry is not here").TabIndex(-1),
			para("It may have been deleted, perhaps in another tab."),
			p.damagedNote(),
		)
	}
	heading, sub := longDay(e.Day), ""
	if e.Title != "" {
		heading, sub = e.Title, longDay(e.Day)
	}
	paras := paragraphs(e.Text)
	return app.Article().Class("journal-entry").Aria("labelledby", "entry-heading").Body(
		back,
		heading2("entry-heading", heading).TabIndex(-1),
		app.If(sub != "", func() app.UI { return paraClass("entry-day", sub) }),
		app.If(len(e.Feelings) > 0, func() app.UI {
			return paraClass("entry-feelings", "Feelings: "+feelingList(e.Feelings))
		}),
		app.Div().Class("entry-text").Body(
			app.Range(paras).Slice(func(i int) app.UI { return app.P().Text(paras[i]) }),
		),
		app.Div().Class("actions").Body(
			button("Edit this entry").Class("primary").OnClick(p.startEdit),
			button("Delete this entry").OnClick(p.delete),
		),
	)
}

// editView is the form for changing the open entry.
func (p *journalPage) editView() app.UI {
	return app.Section().Class("card edit-entry").Aria("labelledby", "entry-heading").Body(
		heading2("entry-heading", "Edit entry").TabIndex(-1),
		app.Form().Class("stack journal-form").OnSubmit(p.saveEdit).Body(
			append(p.fields(journalEditForm, &p.edit, p.editErrs, p.editTyped),
				app.Div().Class("actions").Body(
					app.Button().Type("submit").Class("primary").Text("Save changes").Disabled(p.saving),
					button("Cancel editing").OnClick(p.cancelEdit),
				),
			)...,
		),
	)
}

func (p *journalPage) editTyped(ctx app.Context, field string) {
	switch {
	case p.editErrs[field] != "":
		delete(p.editErrs, field)
	case field == "text" || field == "title":
		ctx.PreventUpdate()
	}
}

func (p *journalPage) startEdit(ctx app.Context, e app.Event) {
	entry, ok := p.find(p.openID)
	if !ok {
		return
	}
	p.editing, p.edit, p.editErrs = true, journalFormOf(entry), nil
	p.status, p.failed = "", false
	edit := p.edit
	// The button that asked leaves the page: go on through the page's own
	// context.
	p.mounted.Defer(func(app.Context) {
		journalFill(journalEditForm, edit, false)
		focusID("entry-heading")
	})
}

func (p *journalPage) cancelEdit(ctx app.Context, e app.Event) {
	p.editing, p.editErrs = false, nil
	p.status, p.failed = "Nothing was changed.", false
	p.mounted.Defer(func(app.Context) { focusID("entry-heading") })
}

func (p *journalPage) saveEdit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	store := p.deps.Store
	old, ok := p.find(p.openID)
	if store == nil || !ok || p.saving {
		return
	}
	journalRead(journalEditForm, &p.edit)
	entry := p.edit.entry(old)
	p.editErrs, p.status, p.failed = nil, "", false
	if p.invalid(journalEditForm, entry.Validate()) {
		return
	}
	p.saving = true
	ctx = p.mounted
	ctx.Async(func() {
		saved, err := journal.Save(ctx, store, entry, now())
		ctx.Dispatch(func(ctx app.Context) {
			p.saving = false
			if p.invalid(journalEditForm, err) {
				return
			}
			if err != nil {
				p.status, p.failed = "Your changes were not saved: "+userdata.Message(err), true
				return
			}
			p.entries = insertJournalEntry(p.entries, saved)
			p.reindex()
			p.editing = false
			p.status, p.failed = "Your changes are saved.", false
			ctx.Defer(func(app.Context) { focusID("entry-heading") })
		})
	})
}

// delete removes the open entry at once, returns to the list and offers
// to undo it for a while.
func (p *journalPage) delete(ctx app.Context, e app.Event) {
	entry, ok := p.find(p.openID)
	if p.deps.Store == nil || !ok {
		return
	}
	p.entries = slices.DeleteFunc(slices.Clone(p.entries), func(x journal.Entry) bool { return x.ID == entry.ID })
	p.reindex()
	p.mounted.Navigate("/tools/journal")
	p.status, p.failed = "", false
	p.undo.remove(p.mounted, p.deps.Store, userdata.KindJournal, entry.ID, entry, "journal-undo", func(ctx app.Context, entry journal.Entry, err error) {
		p.entries = insertJournalEntry(p.entries, entry)
		p.reindex()
		p.status, p.failed = "The entry was not deleted: "+userdata.Message(err), true
	})
}

// undoDelete saves the deleted entry again, exactly as it was: last
// updated when it was deleted.
func (p *journalPage) undoDelete(ctx app.Context, e app.Event) {
	store := p.deps.Store
	if store == nil {
		return
	}
	save := func(ctx context.Context, e journal.Entry) (journal.Entry, error) {
		return journal.Save(ctx, store, e, e.Updated)
	}
	p.undo.restore(p.mounted, save, func(ctx app.Context, saved journal.Entry, err error) {
		if err != nil {
			p.status, p.failed = "The entry could not be brought back: "+userdata.Message(err), true
			return
		}
		p.entries = insertJournalEntry(p.entries, saved)
		p.reindex()
		p.status, p.failed = "The entry is back.", false
		ctx.Defer(func(app.Context) { focusID("entry-" + saved.ID) })
	})
}
