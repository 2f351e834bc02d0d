using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public sealed class StateMachinePermitTests
{
    [Fact]
    public void Given_a_permitted_trigger_When_fired_Then_the_state_moves_to_the_destination()
    {
        var door = new Door(DoorState.Open);
        door.Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);

        door.Machine.Fire(DoorTrigger.Close);

        door.State.ShouldBe(DoorState.Closed);
        door.Machine.State.ShouldBe(DoorState.Closed);
    }

    [Fact]
    public void Given_an_unconfigured_trigger_When_fired_Then_the_error_names_the_state_trigger_and_machine()
    {
        var door = new Door(DoorState.Open);
        door.Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);

        var error = Should.Throw<InvalidTransitionException>(() => door.Machine.Fire(DoorTrigger.Lock));

        error.Message.ShouldBe("Cannot fire trigger 'Lock' in state 'Open' of DoorState.");
        error.State.ShouldBe("Open");
        error.Trigger.ShouldBe("Lock");
        door.State.ShouldBe(DoorState.Open);
    }

    [Fact]
    public void Given_an_unconfigured_state_When_fired_Then_it_throws_an_invalid_transition()
    {
        var door = new Door(DoorState.Locked);
        door.Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);

        Should.Throw<InvalidTransitionException>(() => door.Machine.Fire(DoorTrigger.Close));
    }

    [Fact]
    public void Given_a_reentry_trigger_When_fired_Then_the_state_is_unchanged_and_entry_actions_run()
    {
        var door = new Door(DoorState.Closed);
        var entries = new List<Transition<DoorState, DoorTrigger>>();
        door.Machine.Configure(DoorState.Closed).PermitReentry(DoorTrigger.Knock).OnEntry(entries.Add);

        door.Machine.Fire(DoorTrigger.Knock);

        door.State.ShouldBe(DoorState.Closed);
        entries.ShouldBe([new(DoorState.Closed, DoorState.Closed, DoorTrigger.Knock)]);
    }
}
