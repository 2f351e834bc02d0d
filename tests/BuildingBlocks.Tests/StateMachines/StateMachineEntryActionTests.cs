using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public sealed class StateMachineEntryActionTests
{
    [Fact]
    public void Given_an_entry_action_on_the_destination_When_entered_Then_it_receives_the_transition()
    {
        var door = new Door(DoorState.Open);
        var entries = new List<Transition<DoorState, DoorTrigger>>();
        door.Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);
        door.Machine.Configure(DoorState.Closed).OnEntry(entries.Add);

        door.Machine.Fire(DoorTrigger.Close);

        entries.ShouldBe([new(DoorState.Open, DoorState.Closed, DoorTrigger.Close)]);
    }

    [Fact]
    public void Given_an_entry_action_When_it_runs_Then_the_state_is_already_the_destination()
    {
        var door = new Door(DoorState.Open);
        DoorState? stateSeenOnEntry = null;
        door.Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);
        door.Machine.Configure(DoorState.Closed).OnEntry(_ => stateSeenOnEntry = door.State);

        door.Machine.Fire(DoorTrigger.Close);

        stateSeenOnEntry.ShouldBe(DoorState.Closed);
    }

    [Fact]
    public void Given_an_on_transitioned_callback_When_a_transition_happens_Then_it_runs_after_entry_actions()
    {
        var door = new Door(DoorState.Open);
        var calls = new List<string>();
        door.Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);
        door.Machine.Configure(DoorState.Closed).OnEntry(_ => calls.Add("entry"));
        door.Machine.OnTransitioned(t => calls.Add($"transitioned {t.Source}->{t.Destination} by {t.Trigger}"));

        door.Machine.Fire(DoorTrigger.Close);

        calls.ShouldBe(["entry", "transitioned Open->Closed by Close"]);
    }
}
