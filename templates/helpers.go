package templates

import (
	"strconv"
	"strings"

	"github.com/a-h/templ"
)

func itoa(n int) string { return strconv.Itoa(n) }

func lower(s string) string { return strings.ToLower(s) }

func optionID(q Question, i int) string {
	if i == 0 {
		return q.Name // the error summary links to the first option
	}
	return q.Name + "-" + strconv.Itoa(i+1)
}

// firstInput is the id the error summary links to.
func firstInput(q Question) string {
	if q.Kind == "date" {
		part := q.ErrorPart
		if part == "" {
			part = "day"
		}
		return q.Name + "-" + part
	}
	return q.Name
}

func describedBy(q Question) string {
	var ids []string
	if q.Hint != "" {
		ids = append(ids, q.Name+"-hint")
	}
	if q.Error != "" {
		ids = append(ids, q.Name+"-error")
	}
	return strings.Join(ids, " ")
}

func optionAttrs(q Question, i int, o Option) templ.Attributes {
	a := templ.Attributes{}
	if o.Hint != "" {
		a["aria-describedby"] = optionID(q, i) + "-hint"
	}
	if o.Exclusive {
		a["data-exclusive"] = "true"
	}
	return a
}

func buttonText(s string) string {
	if s == "" {
		return "Continue"
	}
	return s
}
