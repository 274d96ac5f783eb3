// Package report prints the benchmarks' results as tables: per set, a
// column per runtime (or per side), their ratio and the goal, met or MISSED.
package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Table is one set of figures side by side.
type Table struct {
	Title string
	Cols  []string // the headings of the value columns
	rows  []row
	notes []string
}

type row struct {
	name   string
	vals   []string
	ratio  string
	goal   string
	status string // "met", "MISSED" or "" (no goal)
}

// Add appends a row without a goal: one value per column, then the ratio.
func (t *Table) Add(name string, valsAndRatio ...string) {
	t.rows = append(t.rows, t.row(name, valsAndRatio))
}

// Goal appends a row with a goal, met when ok: one value per column, then
// the ratio, as for Add.
func (t *Table) Goal(goal string, ok bool, name string, valsAndRatio ...string) {
	r := t.row(name, valsAndRatio)
	r.goal, r.status = goal, "met"
	if !ok {
		r.status = "MISSED"
	}
	t.rows = append(t.rows, r)
}

func (t *Table) row(name string, vr []string) row {
	if len(vr) != len(t.Cols)+1 {
		panic(fmt.Sprintf("report: row %q has %d values and a ratio for %d columns", name, len(vr), len(t.Cols)))
	}
	return row{name: name, vals: vr[:len(t.Cols)], ratio: vr[len(t.Cols)]}
}

// Note adds a line printed under the table.
func (t *Table) Note(format string, args ...any) {
	t.notes = append(t.notes, fmt.Sprintf(format, args...))
}

// Print writes the table to w.
func (t *Table) Print(w io.Writer) {
	fmt.Fprintf(w, "\n%s\n", t.Title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head, rule := "  measure\t", "  -------\t"
	for _, c := range t.Cols {
		head += c + "\t"
		rule += strings.Repeat("-", len(c)) + "\t"
	}
	fmt.Fprintln(tw, head+"ratio\tgoal\t")
	fmt.Fprintln(tw, rule+"-----\t----\t")
	for _, r := range t.rows {
		line := "  " + r.name + "\t"
		for _, v := range r.vals {
			line += dash(v) + "\t"
		}
		goal := r.goal
		if r.status != "" {
			goal += " " + r.status
		}
		fmt.Fprintln(tw, line+dash(r.ratio)+"\t"+dash(goal)+"\t")
	}
	tw.Flush()
	for _, n := range t.notes {
		fmt.Fprintf(w, "  %s\n", n)
	}
}

// Summary prints how many goals the tables met and lists the missed ones;
// it reports whether any was missed.
func Summary(w io.Writer, tables []*Table) (anyMissed bool) {
	met, all := 0, 0
	var missed []string
	for _, t := range tables {
		for _, r := range t.rows {
			switch r.status {
			case "met":
				met++
				all++
			case "MISSED":
				all++
				var vals []string
				for i, v := range r.vals {
					vals = append(vals, t.Cols[i]+" "+dash(v))
				}
				missed = append(missed, fmt.Sprintf("%s: %s (goal %s; %s)", t.Title, r.name, r.goal, strings.Join(vals, ", ")))
			}
		}
	}
	fmt.Fprintf(w, "\nGoals: %d of %d met\n", met, all)
	for _, m := range missed {
		fmt.Fprintln(w, "  MISSED", m)
	}
	return len(missed) > 0
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// MS formats milliseconds; "" for none (0 or less).
func MS(v float64) string {
	switch {
	case v <= 0:
		return ""
	case v < 10:
		return fmt.Sprintf("%.2f ms", v)
	case v < 10000:
		return fmt.Sprintf("%.1f ms", v)
	default:
		return fmt.Sprintf("%.2f s", v/1000)
	}
}

// Ratio formats a/b with the digits that matter; "" when b is 0.
func Ratio(a, b float64) string {
	if b == 0 {
		return ""
	}
	switch r := a / b; {
	case r >= 10:
		return fmt.Sprintf("%.0f", r)
	case r >= 0.1:
		return fmt.Sprintf("%.2f", r)
	default:
		return fmt.Sprintf("%.3f", r)
	}
}

// KB formats bytes as kB (1,000 bytes).
func KB(v float64) string { return fmt.Sprintf("%.1f KB", v/1000) }
