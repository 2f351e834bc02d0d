using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.History;

namespace OrderManagement.Architecture.Tests.Rules;

// A module's DbContext holds its model, its sets and its schema. Publishing and scheduling (OutboxPublisher<TContext>),
// history (HistoryLog<TContext>) and after-commit actions (AfterCommit<TContext>) are services over it, so no code may
// reach them through a context again: not as a member of the context or of a base class, not as an extension on it.
public static class DbContextRoleRules
{
    private static readonly string[] UnitOfWorkMembers = ["Publish", "CancelScheduled", "RecordHistory", "AfterCommit"];

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static List<string> Violations(Type contextType, IEnumerable<Assembly> extensionSources)
    {
        var violations = new List<string>();
        for (var type = contextType; type is not null && type != typeof(DbContext); type = type.BaseType)
        {
            violations.AddRange(type.GetMembers(Declared).Where(m => UnitOfWorkMembers.Contains(m.Name)).Select(m =>
                $"{type.FullName}.{m.Name} is declared on a DbContext: use {ServiceFor(m.Name)}<{contextType.Name}> instead"));
        }

        if (typeof(IHistoryLog).IsAssignableFrom(contextType))
        {
            violations.Add($"{contextType.FullName} is an IHistoryLog: record history through HistoryLog<{contextType.Name}>");
        }

        violations.AddRange(extensionSources
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetMethods(Declared))
            .Where(m => UnitOfWorkMembers.Contains(m.Name) && m.IsDefined(typeof(ExtensionAttribute)))
            .Where(m => m.GetParameters()[0].ParameterType is var target && typeof(DbContext).IsAssignableFrom(target) && target.IsAssignableFrom(contextType))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name} extends {contextType.Name}: use {ServiceFor(m.Name)}<{contextType.Name}> instead"));
        return violations;
    }

    private static string ServiceFor(string member) => member switch
    {
        "RecordHistory" => "HistoryLog",
        "AfterCommit" => "AfterCommit",
        _ => "OutboxPublisher",
    };
}
