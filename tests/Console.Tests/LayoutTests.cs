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
        (await page.EvaluateAsync<string[]>(OverlappingGraphLabels)).ShouldBeEmpty("graph labels must not overlap each other or a state");
    }

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
