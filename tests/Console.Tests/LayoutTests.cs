using Microsoft.Playwright;
using System.Net.Http.Json;

namespace OrderManagement.Console.Tests;

// Issue 11 (defect 4): at 1280 px a newcomer saw row labels broken mid-word ("Custom / er") and the state graphs'
// trigger labels drawn on top of each other. Measured in the browser: each word of a label on one line, and no two
// graph labels' boxes (nor a trigger label and a state's box) intersecting.
[Collection(ConsoleCollection.Name)]
public sealed class LayoutTests(ConsoleHost host, Browser browser) : ConsoleScenario(host, browser)
{
    [Fact]
    public async Task Given_every_console_page_at_1280_px_When_drawn_Then_no_label_breaks_mid_word_or_overflows_and_no_graph_label_overlaps_another()
    {
        var orderId = await PlaceOrderAsync("tok_timeout");
        await WaitForSagaAsync(orderId, "Failed");
        var page = await SignedInPageAsync(1280, 900);

        foreach (var path in new[] { "/ops", "/ops/orders?customerId=browser-customer", $"/ops/orders/{orderId}", "/ops/stalls", "/ops/dead-letters", "/ops/settings", "/ops/audit" })
        {
            await page.GotoAsync(path);
            (await page.EvaluateAsync<string[]>(BrokenLabels)).ShouldBeEmpty($"{path}: a label broken mid-word or overflowing its box");
        }

        await page.GotoAsync($"/ops/orders/{orderId}");
        await ScreenshotAsync(page, "12-order-at-1280");
        (await page.Locator("figure.graph svg").CountAsync()).ShouldBe(2);
        (await page.Locator("figure.graph svg text.edge-label").CountAsync()).ShouldBeGreaterThan(10);
        (await page.Locator("figure.graph svg g.edge-label").CountAsync()).ShouldBe(await page.Locator("figure.graph svg path[data-edge]").CountAsync(), "every edge has its label");
        (await page.Locator("figure.graph ol.graph-legend li").CountAsync()).ShouldBe(await page.Locator("figure.graph svg path[data-edge]").CountAsync(), "every edge is in the legend");
        (await page.EvaluateAsync<string[]>(OverlappingGraphLabels)).ShouldBeEmpty("graph labels must not overlap each other or a state");
    }

    // Issue 11 (review, defect 2): the saga graph of an order that failed and was retried showed no way through Failed;
    // the graph (1312 px) overflowed its 1248 px column; trigger labels lay on the lines.
    [Fact]
    public async Task Given_an_order_that_failed_and_was_retried_When_its_graphs_are_drawn_Then_the_path_runs_through_Failed_and_back_and_they_fit_with_labels_off_the_lines()
    {
        var orderId = await PlaceOrderAsync("tok_timeout");
        await WaitForSagaAsync(orderId, "Failed");
        (await Operator.PostAsJsonAsync($"/api/v1/ops/sagas/{orderId}/retry", new { reason = "try the provider again" })).EnsureSuccessStatusCode();
        await WaitForSagaAsync(orderId, "Failed");
        var page = await SignedInPageAsync(1280, 900);

        await page.GotoAsync($"/ops/orders/{orderId}");

        (await page.Locator("#saga-graph figcaption").InnerTextAsync()).ShouldContain("AuthorizingPayment → Failed → AuthorizingPayment → Failed");
        (await page.Locator("#saga-graph path[data-walked][data-edge='Running→Failed']").CountAsync()).ShouldBe(1, "the way into Failed is drawn");
        (await page.Locator("#saga-graph path[data-walked][data-edge^='Failed→']").CountAsync()).ShouldBe(1, "the way out of Failed (Resume) is drawn");
        (await page.Locator("#saga-graph path[data-walked][data-edge$='→AuthorizingPayment']").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        (await page.EvaluateAsync<string[]>(GraphsOverflowing)).ShouldBeEmpty("a graph fits its column at 1280 px");
        (await page.EvaluateAsync<string[]>(LabelsOnLines)).ShouldBeEmpty("no edge's label lies on another edge's line");
        (await page.EvaluateAsync<string[]>(EdgesThroughStates)).ShouldBeEmpty("no edge runs across a state but its own two");
        (await page.Locator("#saga-graph ol.graph-legend li[data-walked]").CountAsync()).ShouldBe(
            await page.Locator("#saga-graph path[data-walked]").CountAsync(), "the legend marks the edges the path took");
        await ScreenshotAsync(page, "13-order-failed-and-retried");

        var phone = await SignedInPageAsync(390, 844);
        await phone.GotoAsync($"/ops/orders/{orderId}");
        var scales = await phone.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('figure.graph svg')].map(svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width)");
        scales.ShouldAllBe(scale => scale >= 0.84, "on a phone a graph is drawn no smaller than its readable size (and scrolls in its figure)");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the page itself fits a phone");
        (await phone.EvaluateAsync<string[]>(GraphsOverflowing)).ShouldBeEmpty("a graph fits a phone's column without scrolling");
        (await phone.EvaluateAsync<string[]>(LabelsOnLines)).ShouldBeEmpty("no edge's label lies on another edge's line");
        await ScreenshotAsync(phone, "14-order-graph-on-a-phone");
    }

    // Issue 11 (review, defect 3g): at 390 px the settings page's column scrolled sideways.
    [Fact]
    public async Task Given_the_settings_page_on_a_phone_When_drawn_Then_its_column_fits_the_screen()
    {
        var phone = await SignedInPageAsync(390, 844);

        await phone.GotoAsync("/ops/settings");

        await ScreenshotAsync(phone, "15-settings-on-a-phone");
        (await phone.EvaluateAsync<string[]>(SidewaysScrolling)).ShouldBeEmpty("nothing on the settings page scrolls sideways at 390 px");
        var row = phone.Locator("tr[data-key='Fulfilment:MaxStepAttempts']");
        (await row.Locator("input").BoundingBoxAsync())!.Width.ShouldBeLessThanOrEqualTo(390);
    }

    // Issue 11 (newcomer review, L2): at 390 px the refusal and 404 pages scrolled sideways (433 px, the last navigation
    // link clipped) and had neither the skip link nor Sign out of the other pages.
    [Fact]
    public async Task Given_refusal_and_missing_pages_on_a_phone_When_drawn_Then_they_fit_and_offer_the_skip_link_and_sign_out()
    {
        var phone = await SignedInPageAsync(390, 844);

        foreach (var path in new[] { "/ops/nope", "/ops/orders?held=maybe", "/ops/orders/not-an-id" })
        {
            await phone.GotoAsync(path);
            (await phone.Locator("#refusal").CountAsync()).ShouldBe(1, $"{path} is a refusal page");
            (await phone.EvaluateAsync<string[]>(SidewaysScrolling)).ShouldBeEmpty($"nothing on {path} scrolls sideways at 390 px");
            (await phone.Locator("a.skip[href='#main']").CountAsync()).ShouldBe(1, $"{path} has the skip link");
            (await phone.Locator("nav a[href='/ops/dead-letters']").BoundingBoxAsync())!.X.ShouldBeLessThan(390, "the last navigation link is on the screen");
            (await phone.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync()).ShouldBe(1, $"{path} offers Sign out");
        }

        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await phone.WaitForURLAsync("**/ops/sign-in**");
    }

    private const string SidewaysScrolling = """
        () => {
          const out = [];
          if (document.documentElement.scrollWidth > window.innerWidth) out.push(`the page: ${document.documentElement.scrollWidth} px`);
          for (const el of document.querySelectorAll('main, main *'))
            if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
              out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}: ${el.scrollWidth} px in ${el.clientWidth} px`);
          return out;
        }
        """;

    private const string GraphsOverflowing = """
        () => [...document.querySelectorAll('figure.graph')]
          .filter(figure => figure.scrollWidth > figure.clientWidth + 1)
          .map(figure => `${figure.id}: ${figure.scrollWidth} px in ${figure.clientWidth} px`)
        """;

    // Each line sampled every 2 px (in the SVG's own units) against each other edge's label (its badge), shrunk by a
    // pixel for anti-aliasing; a badge sits on its own edge's line.
    private const string LabelsOnLines = """
        () => {
          const out = [];
          for (const svg of document.querySelectorAll('figure.graph svg')) {
            const matrix = svg.getScreenCTM();
            const labels = [...svg.querySelectorAll('g.edge-label')].map(g => ({ name: g.querySelector('text').textContent, edge: g.dataset.edge, r: g.getBoundingClientRect() }));
            for (const path of svg.querySelectorAll('path[data-edge]')) {
              const length = path.getTotalLength();
              for (let at = 0; at <= length; at += 2) {
                const p = path.getPointAtLength(at).matrixTransform(matrix);
                for (const l of labels.filter(l => l.edge !== path.dataset.edge))
                  if (p.x > l.r.left + 1 && p.x < l.r.right - 1 && p.y > l.r.top + 1 && p.y < l.r.bottom - 1) out.push(`${l.name} of ${l.edge} on ${path.dataset.edge}`);
              }
            }
          }
          return [...new Set(out)];
        }
        """;

    // Issue 11 (defect B): a completed order's AuthorizingPayment -> CreatingShipment ran across the compensation
    // states. Each line sampled every 2 px against each state's box but its own two, grown by a pixel.
    private const string EdgesThroughStates = """
        () => {
          const out = [];
          for (const svg of document.querySelectorAll('figure.graph svg')) {
            const matrix = svg.getScreenCTM();
            const states = [...svg.querySelectorAll('g[data-state]')].map(g => ({ name: g.dataset.state, r: g.firstElementChild.tagName === 'title' ? g.children[1].getBoundingClientRect() : g.firstElementChild.getBoundingClientRect() }));
            for (const path of svg.querySelectorAll('path[data-edge]')) {
              const [from, to] = path.dataset.edge.split('→');
              const length = path.getTotalLength();
              for (let at = 0; at <= length; at += 2) {
                const p = path.getPointAtLength(at).matrixTransform(matrix);
                for (const s of states.filter(s => s.name !== from && s.name !== to))
                  if (p.x > s.r.left - 1 && p.x < s.r.right + 1 && p.y > s.r.top - 1 && p.y < s.r.bottom + 1) out.push(`${path.dataset.edge} across ${s.name}`);
              }
            }
          }
          return [...new Set(out)];
        }
        """;

    private const string BrokenLabels = """
        () => {
          const out = [];
          for (const el of document.querySelectorAll('th, label, button, nav a, h1, h2, h3, figcaption')) {
            if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) out.push('overflows: ' + el.textContent.trim());
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement.closest('.mono, code')) continue;
              const words = /[^\s\-]+/g;
              let m;
              while ((m = words.exec(node.textContent))) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) out.push(`"${m[0]}" broken in "${el.textContent.trim().slice(0, 80)}"`);
              }
            }
          }
          return out;
        }
        """;

    private const string OverlappingGraphLabels = """
        () => {
          const out = [];
          const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          for (const svg of document.querySelectorAll('figure.graph svg')) {
            const texts = [...svg.querySelectorAll('text')].map(t => ({ name: t.textContent, r: t.getBoundingClientRect(), edge: t.classList.contains('edge-label') }));
            const states = [...svg.querySelectorAll('g[data-state] > rect, g[data-state] > polygon')]
              .map(n => ({ name: n.parentElement.dataset.state, r: n.getBoundingClientRect() }));
            for (let i = 0; i < texts.length; i++)
              for (let j = i + 1; j < texts.length; j++)
                if (hit(texts[i].r, texts[j].r)) out.push(`${texts[i].name} / ${texts[j].name}`);
            for (const t of texts.filter(t => t.edge))
              for (const s of states)
                if (hit(t.r, s.r)) out.push(`${t.name} on the state ${s.name}`);
            for (const t of texts.filter(t => !t.edge)) {
              const box = states.find(s => s.name === t.name);
              if (box && (t.r.left < box.r.left || t.r.right > box.r.right)) out.push(`${t.name} wider than its box`);
            }
          }
          return out;
        }
        """;
}
