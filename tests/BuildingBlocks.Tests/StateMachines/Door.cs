using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

// Mirrors how aggregates use the machine: the aggregate owns the state field, the machine only reads and writes it.
internal sealed class Door
{
    public Door(DoorState initial)
    {
        State = initial;
        Machine = new StateMachine<DoorState, DoorTrigger>(() => State, s => State = s);
    }

    public DoorState State { get; private set; }

    public StateMachine<DoorState, DoorTrigger> Machine { get; }
}
