namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public sealed class StateMachineQueryTests
{
    [Fact]
    public void Given_permits_guards_and_ignores_When_listing_permitted_triggers_Then_only_passing_transitions_are_listed()
    {
        var door = new Door(DoorState.Closed);
        door.Machine.Configure(DoorState.Closed)
            .Permit(DoorTrigger.Open, DoorState.Open)
            .PermitIf(DoorTrigger.Lock, DoorState.Locked, () => true, "has key")
            .PermitIf(DoorTrigger.Knock, DoorState.Open, () => false, "someone home")
            .Ignore(DoorTrigger.Close);

        door.Machine.PermittedTriggers.ShouldBe([DoorTrigger.Open, DoorTrigger.Lock]);
    }

    [Fact]
    public void Given_an_unconfigured_state_When_listing_permitted_triggers_Then_the_list_is_empty()
    {
        var door = new Door(DoorState.Locked);

        door.Machine.PermittedTriggers.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DoorTrigger.Open, true)]
    [InlineData(DoorTrigger.Lock, true)]
    [InlineData(DoorTrigger.Close, true)]
    [InlineData(DoorTrigger.Knock, false)]
    [InlineData(DoorTrigger.Unlock, false)]
    public void Given_a_configured_state_When_asking_can_fire_Then_permitted_and_ignored_triggers_are_allowed(
        DoorTrigger trigger, bool expected)
    {
        var door = new Door(DoorState.Closed);
        door.Machine.Configure(DoorState.Closed)
            .Permit(DoorTrigger.Open, DoorState.Open)
            .PermitIf(DoorTrigger.Lock, DoorState.Locked, () => true, "has key")
            .PermitIf(DoorTrigger.Knock, DoorState.Open, () => false, "someone home")
            .Ignore(DoorTrigger.Close);

        door.Machine.CanFire(trigger).ShouldBe(expected);
    }
}
