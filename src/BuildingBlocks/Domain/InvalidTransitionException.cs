namespace OrderManagement.BuildingBlocks.Domain;

// A trigger the state machine of an aggregate does not permit in its current state (Stateless's OnUnhandledTrigger
// throws it); the API answers 409 with the message, which names the machine, the state and the trigger.
public sealed class InvalidTransitionException(
    string machineName, string state, string trigger, ICollection<string>? unmetGuards = null)
    : DomainException(BuildMessage(machineName, state, trigger, unmetGuards), "invalid_transition")
{
    public string State { get; } = state;

    public string Trigger { get; } = trigger;

    private static string BuildMessage(string machineName, string state, string trigger, ICollection<string>? unmetGuards)
    {
        var message = $"Cannot fire trigger '{trigger}' in state '{state}' of {machineName}.";
        return unmetGuards is { Count: > 0 }
            ? $"{message} Guards not met: {string.Join(", ", unmetGuards)}."
            : message;
    }
}
