namespace OrderManagement.BuildingBlocks.Domain;

// A trigger the state machine of an aggregate refuses in its current state: not permitted there, or a guard not met
// (Stateless's OnUnhandledTrigger throws it, through the machine's TransitionRefusals). The API answers 409 with the
// problem type the refusal is mapped to, or invalid-transition with a message naming the machine, state and trigger.
public sealed class InvalidTransitionException : ConflictException
{
    public const string ProblemType = "invalid-transition";

    public InvalidTransitionException(string machineName, string state, string trigger, ICollection<string>? unmetGuards = null)
        : this(state, trigger, unmetGuards, ProblemType, Describe(machineName, state, trigger, unmetGuards))
    {
    }

    public InvalidTransitionException(string state, string trigger, ICollection<string>? unmetGuards, string problemType, string detail)
        : base(detail, problemType)
    {
        State = state;
        Trigger = trigger;
        UnmetGuards = [.. unmetGuards ?? []];
    }

    public string State { get; }

    public string Trigger { get; }

    public IReadOnlyList<string> UnmetGuards { get; }

    private static string Describe(string machineName, string state, string trigger, ICollection<string>? unmetGuards)
    {
        var message = $"Cannot fire trigger '{trigger}' in state '{state}' of {machineName}.";
        return unmetGuards is { Count: > 0 }
            ? $"{message} Guards not met: {string.Join(", ", unmetGuards)}."
            : message;
    }
}
