using OrderManagement.BuildingBlocks.Domain;

namespace OrderManagement.BuildingBlocks.StateMachines;

public sealed class InvalidTransitionException(
    string machineName, string state, string trigger, IReadOnlyList<string>? failedGuards = null)
    : DomainException(BuildMessage(machineName, state, trigger, failedGuards), "invalid_transition")
{
    public string State { get; } = state;

    public string Trigger { get; } = trigger;

    private static string BuildMessage(
        string machineName, string state, string trigger, IReadOnlyList<string>? failedGuards)
    {
        var message = $"Cannot fire trigger '{trigger}' in state '{state}' of {machineName}.";
        return failedGuards is { Count: > 0 }
            ? $"{message} Guards not met: {string.Join(", ", failedGuards)}."
            : message;
    }
}
