using System.Reflection;
using System.Text;
using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.Architecture.Tests.Docs;

// docs/modules.md from the built assemblies: each module's contract (messages and query interfaces), which module
// handles a message (its IMessageHandler<T>), and which sends it (its code constructs the message and it is not the
// handler: Ordering builds a ShipmentCreated for itself when a dispatch overtakes it, which is no message sent).
internal static class ModuleOverview
{
    public static string Render(IReadOnlyList<ModuleUnderTest> modules)
    {
        var contractOf = modules.SelectMany(m => m.Contracts.GetExportedTypes().Select(t => (Type: t, Module: m.Name)))
            .ToDictionary(x => x.Type, x => x.Module);
        var messages = modules
            .SelectMany(m => HandledMessages(m.Implementation).Select(type => (Type: type, Handler: m.Name)))
            .Where(x => contractOf.ContainsKey(x.Type))
            .GroupBy(x => x.Type, x => x.Handler)
            .Select(g => new Message(g.Key, contractOf[g.Key], [.. g.Distinct().Order(StringComparer.Ordinal)],
                [.. modules.Where(m => !g.Contains(m.Name) && ConstructedTypes.In(m.Implementation).Contains(g.Key)).Select(m => m.Name)]))
            .OrderBy(m => modules.Select(x => x.Name).ToList().IndexOf(m.Contract))
            .ThenBy(m => m.Type.Name, StringComparer.Ordinal)
            .ToList();
        var queries = contractOf.Keys.Where(t => t.IsInterface).OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(i => new Query(i, contractOf[i],
                [.. modules.Where(m => m.Implementation.GetTypes().Any(t => t.IsClass && i.IsAssignableFrom(t))).Select(m => m.Name)],
                [.. modules.Where(m => UsesByInjection(m.Implementation, i)).Select(m => m.Name)
                    .Concat(UsesByInjection(typeof(Program).Assembly, i) ? ["Host"] : [])]))
            .ToList();

        var text = new StringBuilder();
        text.Append($"""
            # Modules and their contracts

            Generated from the built assemblies by `tests/Architecture.Tests/Docs/ModuleOverview.cs`; do not edit,
            regenerate with `{OrderManagement.TestKit.GeneratedDocument.RegenerateCommand}`. A message is handled by the
            module with an `IMessageHandler<T>` for it and sent by every other module whose code constructs it; it
            travels through the sender's outbox to the handler's inbox.

            ```mermaid
            flowchart LR

            """);
        foreach (var module in modules)
        {
            text.Append($"    {module.Name}[{module.Name}]\n");
        }

        foreach (var edge in messages.SelectMany(m => m.SentBy.SelectMany(s => m.HandledBy.Select(h => (From: s, To: h, m.Type.Name))))
                     .GroupBy(e => (e.From, e.To)).OrderBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal))
        {
            text.Append($"    {edge.Key.From} -- \"{string.Join(", ", edge.Select(e => e.Name))}\" --> {edge.Key.To}\n");
        }

        text.Append("```\n\n## Messages\n\n| message | contract | sent by | handled by |\n|---|---|---|---|\n");
        foreach (var message in messages)
        {
            text.Append($"| `{message.Type.Name}` | {message.Contract}.Contracts | {Names(message.SentBy)} | {Names(message.HandledBy)} |\n");
        }

        text.Append("\n## Query interfaces\n\n| interface | contract | implemented by | used by |\n|---|---|---|---|\n");
        foreach (var query in queries)
        {
            text.Append($"| `{query.Type.Name}` | {query.Contract}.Contracts | {Names(query.ImplementedBy)} | {Names(query.UsedBy)} |\n");
        }

        text.Append("\n## Other public contract types\n\n| contract | types |\n|---|---|\n");
        var listed = messages.Select(m => m.Type).Concat(queries.Select(q => q.Type)).ToHashSet();
        foreach (var module in modules)
        {
            var others = contractOf.Where(x => x.Value == module.Name && !listed.Contains(x.Key))
                .Select(x => $"`{x.Key.Name}`").Order(StringComparer.Ordinal).ToList();
            text.Append($"| {module.Name}.Contracts | {(others.Count == 0 ? "-" : string.Join(", ", others))} |\n");
        }

        return text.ToString();
    }

    private static IEnumerable<Type> HandledMessages(Assembly assembly) =>
        assembly.GetTypes().SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMessageHandler<>))
            .Select(i => i.GetGenericArguments()[0]);

    private static bool UsesByInjection(Assembly assembly, Type service) =>
        assembly.GetTypes().Any(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Any(c => c.GetParameters().Any(p => p.ParameterType == service)));

    private static string Names(IReadOnlyList<string> modules) => modules.Count == 0 ? "-" : string.Join(", ", modules);

    private sealed record Message(Type Type, string Contract, IReadOnlyList<string> HandledBy, IReadOnlyList<string> SentBy);

    private sealed record Query(Type Type, string Contract, IReadOnlyList<string> ImplementedBy, IReadOnlyList<string> UsedBy);
}
