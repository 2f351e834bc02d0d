using Stateless;
using Stateless.Graph;

namespace OrderManagement.TestKit;

// docs/state-machines/<name>.md: a machine's graph as Stateless's own MermaidGraph exports it, from an instance in
// its initial state (the "[*] -->" arrow), and the problem types its refusals are answered with.
public static class StateMachineDocument
{
    public static void AssertCurrent<TState, TTrigger>(string name, string title, string source, StateMachine<TState, TTrigger> machine,
        IReadOnlyList<(string Trigger, string? Guard, string ProblemType)>? refusals = null) =>
        GeneratedDocument.AssertCurrent($"docs/state-machines/{name}.md", Render(title, source, machine, refusals ?? []));

    public static string Render<TState, TTrigger>(string title, string source, StateMachine<TState, TTrigger> machine,
        IReadOnlyList<(string Trigger, string? Guard, string ProblemType)> refusals) =>
        $"""
        # {title}

        Generated from `{source}`
        with Stateless's `MermaidGraph.Format(machine.GetInfo())`; do not edit, regenerate with `{GeneratedDocument.RegenerateCommand}`.
        A guarded transition shows its guard in brackets; an arrow from a state to itself is a trigger the state ignores.
        Any other trigger, or one whose guard is unmet, is refused with a 409: {RefusalText(refusals)}

        ```mermaid
        {MermaidGraph.Format(machine.GetInfo()).ReplaceLineEndings("\n")}
        ```

        """ + RefusalTable(refusals);

    private static string RefusalText(IReadOnlyList<(string Trigger, string? Guard, string ProblemType)> refusals) => refusals.Count == 0
        ? "`invalid-transition`, naming the state, the trigger and any unmet guard."
        : "the problem type listed below for the trigger, else `invalid-transition`, naming the state, the trigger and any unmet guard.";

    private static string RefusalTable(IReadOnlyList<(string Trigger, string? Guard, string ProblemType)> refusals) => refusals.Count == 0
        ? ""
        : "\n| Refused trigger | When | Problem type |\n|---|---|---|\n"
            + string.Concat(refusals.Select((r, i) => $"| {r.Trigger} | {When(r.Guard, refusals.Take(i).Any(earlier => earlier.Trigger == r.Trigger))} | `{r.ProblemType}` |\n"));

    private static string When(string? guard, bool afterGuardRows) =>
        guard is not null ? $"guard unmet: {guard}" : afterGuardRows ? "any other refusal" : "any refusal (a state that does not permit it, or a guard unmet)";
}
