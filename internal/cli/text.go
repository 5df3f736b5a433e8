package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"herodot/document"
)

// writeText writes a readable summary of an analysed document: where it
// comes from, then its sources and what they say, entities, events and a
// timeline. Layers that are empty say so.
func writeText(w io.Writer, d *document.Document) error {
	p := &printer{w: w}
	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	p.line("%s", title)
	var meta []string
	if d.Outlet != "" {
		meta = append(meta, d.Outlet)
	}
	if d.Published != nil {
		meta = append(meta, *d.Published)
	}
	meta = append(meta, "id "+d.ID)
	p.line("  %s", strings.Join(meta, " · "))
	if d.Input != "" {
		p.line("  input: %s", d.Input)
	}
	ref := "none"
	if d.ReferenceDate != nil {
		ref = *d.ReferenceDate + " (" + d.ReferenceSource + ")"
	}
	p.line("  reference date: %s", ref)
	p.line("  %d sentences, %d quotations, %d bytes", len(d.Sentences), len(d.Quotations), len(d.Text))
	for _, r := range d.Removed {
		p.line("  removed (%s): %s", r.Why, clip(r.Text, 70))
	}

	p.section("Sources", len(d.Attributions))
	for _, a := range d.Attributions {
		src := a.Source.Text
		if src == "" {
			src = "(no source named)"
		}
		detail := a.Source.Kind
		if a.Source.Count != nil {
			detail += fmt.Sprintf(", %d", *a.Source.Count)
		}
		if a.Source.Affiliation != nil {
			detail += ", " + *a.Source.Affiliation
		}
		via := ""
		if len(a.Via) > 0 {
			via = " via " + strings.Join(a.Via, " → ")
		}
		p.line("  [%s] %s (%s)%s", a.ID, src, detail, via)
		p.line("       %s %q: %s", strings.ToUpper(a.Stance), a.Cue.Text, quoteKind(a))
	}

	p.section("Entities", len(d.Entities))
	for _, e := range d.Entities {
		code := e.Actor
		if code == "" {
			code = "-"
		}
		p.line("  [%s] %-7s %-8s %s (%d mentions)", e.ID, e.Type, code, e.Name, len(e.Mentions))
	}

	p.section("Events", len(d.Events))
	for _, v := range d.Events {
		actor, target := argText(v.Actor), argText(v.Target)
		by := "narrated by the outlet"
		if v.Attribution != nil {
			by = "according to " + *v.Attribution
		}
		p.line("  [%s] %s %s(%s) %s — %s, %s", v.ID, actor, v.Type, v.Trigger.Text, target, v.Status, by)
	}

	p.section("Timeline", len(d.Times))
	times := append([]document.Time(nil), d.Times...)
	sort.SliceStable(times, func(i, j int) bool { return times[i].Value < times[j].Value })
	for _, t := range times {
		mod := ""
		if t.Mod != "" {
			mod = " (" + t.Mod + ")"
		}
		p.line("  %-12s%s %s", t.Value, mod, t.Text)
	}
	return p.err
}

func quoteKind(a document.Attribution) string {
	if a.Content.Text == "" {
		return "(no content)"
	}
	return fmt.Sprintf("%s: %s", a.Quote, clip(a.Content.Text, 90))
}

func argText(a *document.Argument) string {
	if a == nil {
		return "?"
	}
	if a.Code != "" {
		return a.Text + " [" + a.Code + "]"
	}
	return a.Text
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

func (p *printer) section(name string, n int) {
	if n == 0 {
		p.line("\n%s: none found", name)
		return
	}
	p.line("\n%s (%d):", name, n)
}

// clip shortens s to at most n characters, marking the cut with an ellipsis.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
