using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public sealed class StateMachineGuardTests
{
    [Fact]
    public void Given_a_passing_guard_When_fired_Then_the_state_moves_to_the_destination()
    {
        var door = new Door(DoorState.Closed);
        door.Machine.Configure(DoorState.Closed).PermitIf(DoorTrigger.Lock, DoorState.Locked, () => true, "has key");

        door.Machine.Fire(DoorTrigger.Lock);

        door.State.ShouldBe(DoorState.Locked);
    }

    [Fact]
    public void Given_a_failing_guard_When_fired_Then_the_error_names_the_guard_and_the_state_is_unchanged()
    {
        var door = new Door(DoorState.Closed);
        door.Machine.Configure(DoorState.Closed).PermitIf(DoorTrigger.Lock, DoorState.Locked, () => false, "has key");

        var error = Should.Throw<InvalidTransitionException>(() => door.Machine.Fire(DoorTrigger.Lock));

        error.Message.ShouldStartWith("Cannot fire trigger 'Lock' in state 'Closed' of DoorState.");
        error.Message.ShouldContain("has key");
        door.State.ShouldBe(DoorState.Closed);
    }

    [Fact]
    public void Given_two_guards_for_one_trigger_When_fired_Then_the_passing_guard_picks_the_destination()
    {
        var door = new Door(DoorState.Closed);
        door.Machine.Configure(DoorState.Closed)
            .PermitIf(DoorTrigger.Knock, DoorState.Open, () => false, "someone home")
            .PermitIf(DoorTrigger.Knock, DoorState.Locked, () => true, "nobody home");

        door.Machine.Fire(DoorTrigger.Knock);

        door.State.ShouldBe(DoorState.Locked);
    }

    [Fact]
    public void Given_two_failing_guards_When_fired_Then_the_error_names_both_guards()
    {
        var door = new Door(DoorState.Closed);
        door.Machine.Configure(DoorState.Closed)
            .PermitIf(DoorTrigger.Knock, DoorState.Open, () => false, "someone home")
            .PermitIf(DoorTrigger.Knock, DoorState.Locked, () => false, "nobody home");

        var error = Should.Throw<InvalidTransitionException>(() => door.Machine.Fire(DoorTrigger.Knock));

        error.Message.ShouldContain("someone home");
        error.Message.ShouldContain("nobody home");
    }

    [Fact]
    public void Given_two_passing_guards_When_fired_Then_it_throws_invalid_operation_and_the_state_is_unchanged()
    {
        var door = new Door(DoorState.Closed);
        door.Machine.Configure(DoorState.Closed)
            .PermitIf(DoorTrigger.Knock, DoorState.Open, () => true, "someone home")
            .PermitIf(DoorTrigger.Knock, DoorState.Locked, () => true, "nobody home");

        Should.Throw<InvalidOperationException>(() => door.Machine.Fire(DoorTrigger.Knock));

        door.State.ShouldBe(DoorState.Closed);
    }
}
