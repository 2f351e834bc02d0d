namespace OrderManagement.BuildingBlocks.Domain;

// One machine's table of refusals: for a trigger it refuses (in any state, or only because one guard is unmet), the
// problem type and words the API documents for that request; a trigger with no row is the generic invalid-transition
// naming the machine, state and trigger. A row for an unmet guard wins over the trigger's row for any refusal.
public sealed class TransitionRefusals<TSubject, TState, TTrigger>(string machineName)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly List<Row> _rows = [];

    public TransitionRefusals<TSubject, TState, TTrigger> On(TTrigger trigger, string problemType, Func<TSubject, TState, string> detail)
    {
        _rows.Add(new Row(trigger, null, problemType, detail));
        return this;
    }

    public TransitionRefusals<TSubject, TState, TTrigger> OnGuard(
        TTrigger trigger, string guard, string problemType, Func<TSubject, TState, string> detail)
    {
        _rows.Add(new Row(trigger, guard, problemType, detail));
        return this;
    }

    // unmetGuards: as Stateless reports them, null when the state does not handle the trigger at all.
    public InvalidTransitionException Refuse(TSubject subject, TState state, TTrigger trigger, ICollection<string>? unmetGuards)
    {
        var rows = _rows.Where(r => r.Trigger.Equals(trigger)).ToList();
        var row = rows.FirstOrDefault(r => r.Guard is not null && unmetGuards?.Contains(r.Guard) == true) ?? rows.FirstOrDefault(r => r.Guard is null);
        return row is null
            ? new InvalidTransitionException(machineName, state.ToString(), trigger.ToString(), unmetGuards)
            : new InvalidTransitionException(state.ToString(), trigger.ToString(), unmetGuards, row.ProblemType, row.Detail(subject, state));
    }

    // The table as the generated documents show it: trigger, the unmet guard a row is for (null: any refusal), problem type.
    public IReadOnlyList<(string Trigger, string? Guard, string ProblemType)> Rows =>
        [.. _rows.Select(r => (r.Trigger.ToString(), r.Guard, r.ProblemType))];

    private sealed record Row(TTrigger Trigger, string? Guard, string ProblemType, Func<TSubject, TState, string> Detail);
}
