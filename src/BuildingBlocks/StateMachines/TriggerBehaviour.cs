namespace OrderManagement.BuildingBlocks.StateMachines;

// Destination is null for an ignored trigger; Guard is null for an unconditional permit.
internal sealed record TriggerBehaviour<TState, TTrigger>(
    TTrigger Trigger, TState? Destination, Func<bool>? Guard, string? GuardDescription)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public bool IsIgnore => Destination is null;

    public bool IsGuarded => Guard is not null;

    public bool GuardPasses() => Guard is null || Guard();
}
