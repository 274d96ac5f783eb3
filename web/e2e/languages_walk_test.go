package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/i18n"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestWalksInSpanishAndHebrew: a buyer in Madrid picks Español in the
// language switcher, a buyer in Tel Aviv's browser asks for Hebrew
// (Accept-Language); each walks a dispute to its verdict and the checklist
// to its result, on a 320px phone, with JavaScript off and with the wasm.
// Every page is in the language (<html lang dir>), shows no untranslated
// text, passes axe-core and does not scroll sideways.
func TestWalksInSpanishAndHebrew(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Spanish, i18n.Hebrew} {
		p := i18n.For(lang)
		for _, wasm := range []bool{false, true} {
			mode := string(lang) + "-" + map[bool]string{false: "nojs", true: "wasm"}[wasm]
			t.Run(mode, func(t *testing.T) {
				ctx := tab(t, wasm)
				chromedp.Do(ctx, chromedp.EmulateViewport(320, 800))
				if lang == i18n.Hebrew {
					if err := chromedp.Do(ctx, call(network.Enable, network.EnableParams{}),
						call(network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": "he-IL,he;q=0.9,en;q=0.5"}})); err != nil {
						t.Fatal(err)
					}
					open(t, ctx, "/", wasm)
				} else {
					open(t, ctx, "/", wasm)
					markOld(t, ctx)
					chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=languages] a[data-lang=es]`)))
					waitFor(t, ctx, `!document.querySelector("main[data-old]") && document.documentElement.lang === "es"`, "the page in Spanish")
				}
				inLanguage := func(where string) {
					got := eval[[]string](t, ctx, `[document.documentElement.lang, document.documentElement.dir, String(document.body.innerText.includes("⟦en⟧"))]`)
					if got[0] != string(lang) || got[1] != lang.Dir() || got[2] != "false" {
						t.Errorf("%s %s: lang, dir, untranslated = %q", mode, where, got)
					}
				}
				inLanguage("start")
				page(t, ctx, mode+" start")
				// The dispute: no link carries the language; the remembered
				// choice or the browser's language keeps it.
				open(t, ctx, "/dispute", wasm)
				inLanguage("first question")
				w := walk{"snad different size, " + string(lang), map[string]string{"claim": "not_as_described", "paid_on_platform": "true",
					"complaint": "different_spec", "conduct": "none", "requested_remedy": "partial_refund", "refund_asked": "true",
					"refund_requested_on": "date:15", "protection_ends_on": "skip"}, "eligible", p.T("verdict.heading.eligible"), "unknown"}
				answerAll(t, ctx, w, mode)
				inLanguage("verdict")
				// The checklist, answered as a buyer would.
				open(t, ctx, "/checklist", wasm)
				inLanguage("checklist")
				for i := 0; i < 40; i++ {
					if eval[bool](t, ctx, `!!document.querySelector("[data-testid=answers]")`) {
						break
					}
					noOverflow(t, ctx, fmt.Sprintf("%s checklist %d", mode, i))
					page(t, ctx, fmt.Sprintf("%s checklist %d", mode, i))
					title := eval[string](t, ctx, `document.querySelector("main h1").textContent`)
					markOld(t, ctx)
					if eval[bool](t, ctx, `!!document.querySelector("[data-testid=continue-anyway]")`) {
						chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=continue-anyway]`)))
					} else if eval[bool](t, ctx, `!!document.querySelector("input[inputmode=numeric]")`) {
						placed := eval[[]int](t, ctx, `(d => [d.getDate(), d.getMonth() + 1, d.getFullYear()])(new Date(Date.now() - 3 * 864e5))`)
						name := eval[string](t, ctx, `document.querySelector("input[name=submitted]").value`)
						enterDate(t, ctx, name, fmt.Sprint(placed[0]), fmt.Sprint(placed[1]), fmt.Sprint(placed[2]), "")
					} else {
						name := eval[string](t, ctx, `document.querySelector("input[type=radio]").name`)
						value := map[string]string{"seller_positive_percent": "97", "category": "general", "asked_for_login_or_code": "false",
							"coupon_used": "false", "off_platform_payment_requested": "false", "listing_condition": "new"}[name]
						if value == "" {
							value = "true"
						}
						chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=%q][value=%q]`, name, value))),
							chromedp.Click(chromedp.CSS(`[data-testid=continue]`)))
					}
					waitFor(t, ctx, fmt.Sprintf(`!document.querySelector("main[data-old]") && (document.querySelector("main h1")||{}).textContent !== %q`, title), mode+": the next checklist question")
				}
				inLanguage("checklist check")
				noOverflow(t, ctx, mode+" checklist check")
				page(t, ctx, mode+" checklist check")
				markOld(t, ctx)
				chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=see-result]`)))
				waitFor(t, ctx, `!document.querySelector("main[data-old]") && !!document.querySelector("[data-item]")`, mode+": the checklist result")
				inLanguage("checklist result")
				noOverflow(t, ctx, mode+" checklist result")
				page(t, ctx, mode+" checklist result")
				if strings.Contains(eval[string](t, ctx, `location.href`), "lang=") && lang == i18n.Hebrew {
					t.Errorf("%s: the language came from the browser, yet an address carries it", mode)
				}
			})
		}
	}
}

// TestEveryLanguageAccessible: the main pages in each of the 13 languages
// pass axe-core (WCAG 2.2 AA) and fit a 320px screen: long German and
// Polish words, Korean and Hebrew included.
func TestEveryLanguageAccessible(t *testing.T) {
	ctx := tab(t, false)
	chromedp.Do(ctx, chromedp.EmulateViewport(320, 800))
	answers := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false" +
		"&refund_asked=true&refund_requested_on=" + daysAgo(2) + "&protection_ends_on=" + daysAgo(-30)
	paths := []string{"/", "/dispute?claim=broken", "/dispute?" + answers, "/dispute/result?" + answers,
		"/dispute/evidence?" + answers, "/dispute/message?" + answers, "/checklist", "/checklist/result?" + narrowChecklist, "/review"}
	for _, lang := range i18n.Langs {
		for _, path := range paths {
			sep := "?"
			if strings.Contains(path, "?") {
				sep = "&"
			}
			open(t, ctx, path+sep+"lang="+string(lang), false)
			name := string(lang) + " " + strings.SplitN(path, "?", 2)[0]
			if got := eval[string](t, ctx, `document.documentElement.lang`); got != string(lang) {
				t.Errorf("%s: lang %q", name, got)
			}
			noOverflow(t, ctx, name)
			axe(t, ctx, name)
		}
	}
}
