namespace OrderManagement.Host.Console;

// The console's style sheet, one for the pages' layout (_Styles) and the refusal page that the middleware writes without
// it, so a refusal behaves at a phone's width like every other page (issue 11, L2).
internal static class ConsoleStyles
{
    public const string Sheet = """
        :root { --fg: #1b1f24; --muted: #5b6570; --line: #d6dbe0; --bg: #f6f8fa; --accent: #0b5cad; --bad: #b3261e; --ok: #1a7f37; --warn: #9a6700; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: var(--fg); background: #fff; }
        header { background: var(--fg); }
        nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; padding: .6rem 1rem; max-width: 80rem; margin: 0 auto; }
        nav a { color: #fff; text-decoration: none; }
        nav a:hover, nav a:focus { text-decoration: underline; }
        nav .brand { font-weight: 700; margin-right: .5rem; }
        nav .signout { margin-left: auto; color: #cfd6dd; display: flex; gap: .5rem; align-items: center; }
        main { max-width: 80rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.4rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--bg); font-weight: 600; }
        .scroll { overflow-x: auto; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; min-width: 0; overflow-wrap: break-word; }
        /* A card's table keeps its row labels whole: a fixed label column, and the value column takes the rest (a long
           value wraps inside it; "anywhere" here squeezed the labels until they broke mid-word). */
        .card table { table-layout: fixed; }
        .card th[scope=row] { width: 9rem; }
        th, label, button, nav a, h1, h2, h3, figcaption { overflow-wrap: normal; word-break: normal; hyphens: manual; }
        .when { white-space: nowrap; }
        .card h2 { margin-top: 0; }
        .figure { font-size: 1.6rem; font-weight: 700; }
        .muted { color: var(--muted); }
        .error, .refused { color: var(--bad); }
        .notice { color: var(--ok); }
        .stalled { color: var(--warn); font-weight: 600; }
        label { display: block; font-weight: 600; margin: .5rem 0 .2rem; }
        input, select, textarea, button { font: inherit; padding: .4rem .5rem; border: 1px solid #8c959f; border-radius: 4px; }
        input, select, textarea { width: 100%; max-width: 32rem; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        button.danger { background: var(--bad); border-color: var(--bad); }
        button:disabled { background: #d6dbe0; border-color: #d6dbe0; color: #5b6570; cursor: not-allowed; }
        :focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem .5rem; }
        .inline { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
        .inline > div { flex: 1 1 12rem; }
        code, .mono { font-family: ui-monospace, monospace; font-size: .9em; word-break: break-all; }
        svg { max-width: 100%; height: auto; }
        figure { margin: 0 0 1rem; }
        /* A state graph scales to the column (its own style says how far); below that it scrolls inside its figure. */
        .graph { overflow-x: auto; display: flex; flex-wrap: wrap; align-items: flex-start; gap: .5rem 1.5rem; margin: 0 0 1.5rem; }
        .graph figcaption { flex-basis: 100%; }
        /* Each numbered edge of the graph beside it (below it on a narrow screen): its states, trigger and guard. */
        .graph-legend { flex: 1 1 18rem; min-width: 0; margin: 0; padding-left: 2.5rem; font-size: .9rem; overflow-wrap: break-word; }
        .graph-legend li[data-walked] { color: var(--accent); font-weight: 600; }
        @media (max-width: 40rem) { th, td { padding: .3rem .25rem; font-size: .92rem; } .figure { font-size: 1.3rem; } }
        /* A table of editable rows (settings) becomes one block per row on a phone, each cell named by its data-label, so the
           column fits the screen instead of scrolling sideways. */
        @media (max-width: 40rem) {
            table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
            table.stack thead { position: absolute; left: -9999px; }
            table.stack tr { border-bottom: 2px solid var(--line); padding: .25rem 0; }
            table.stack td { border-bottom: 0; overflow-wrap: anywhere; }
            table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
        }
        """;
}
