namespace OrderManagement.BuildingBlocks.StateMachines;

public sealed record Transition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger);
