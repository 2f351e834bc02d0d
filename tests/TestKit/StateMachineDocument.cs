using Stateless;
using Stateless.Graph;

namespace OrderManagement.TestKit;

// docs/state-machines/<name>.md: a machine's graph as Stateless's own MermaidGraph exports it, from an instance in
// its initial state (the "[*] -->" arrow).
public static class StateMachineDocument
{
    public static void AssertCurrent<TState, TTrigger>(string name, string title, string source, StateMachine<TState, TTrigger> machine) =>
        GeneratedDocument.AssertCurrent($"docs/state-machines/{name}.md", Render(title, source, machine));

    public static string Render<TState, TTrigger>(string title, string source, StateMachine<TState, TTrigger> machine) =>
        $"""
        # {title}

        Generated from `{source}`
        with Stateless's `MermaidGraph.Format(machine.GetInfo())`; do not edit, regenerate with `{GeneratedDocument.RegenerateCommand}`.
        A guarded transition shows its guard in brackets; an arrow from a state to itself is a trigger the state ignores.
        Any other trigger is refused with a 409 naming the state and the trigger.

        ```mermaid
        {MermaidGraph.Format(machine.GetInfo()).ReplaceLineEndings("\n")}
        ```

        """;
}
