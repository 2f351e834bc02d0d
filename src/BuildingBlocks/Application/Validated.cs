using System.Runtime.CompilerServices;

namespace OrderManagement.BuildingBlocks.Application;

/// <summary>
/// Reads a field of a request its validator has accepted, when the request is mapped to a command. A null here is a
/// rule missing from the validator (a bug, not bad input): it throws <see cref="InvalidOperationException"/> naming
/// the field instead of passing the null on to a handler.
/// </summary>
public static class Validated
{
    public static T Value<T>(T? value, [CallerArgumentExpression(nameof(value))] string? field = null)
        where T : class =>
        value ?? throw new InvalidOperationException($"{field} is null in a request its validator accepted; add the rule that requires it.");

    public static T Value<T>(T? value, [CallerArgumentExpression(nameof(value))] string? field = null)
        where T : struct =>
        value ?? throw new InvalidOperationException($"{field} is null in a request its validator accepted; add the rule that requires it.");
}
