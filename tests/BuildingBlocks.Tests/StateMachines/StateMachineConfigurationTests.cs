namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public sealed class StateMachineConfigurationTests
{
    [Fact]
    public void Given_a_configured_state_When_configured_again_Then_the_same_configuration_is_returned()
    {
        var door = new Door(DoorState.Open);

        var first = door.Machine.Configure(DoorState.Open);
        var second = door.Machine.Configure(DoorState.Open);

        second.ShouldBeSameAs(first);
    }

    [Fact]
    public void Given_a_permitted_trigger_When_permitted_again_Then_it_throws_invalid_operation()
    {
        var state = new Door(DoorState.Open).Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);

        Should.Throw<InvalidOperationException>(() => state.Permit(DoorTrigger.Close, DoorState.Locked));
    }

    [Fact]
    public void Given_a_permitted_trigger_When_ignored_Then_it_throws_invalid_operation()
    {
        var state = new Door(DoorState.Open).Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);

        Should.Throw<InvalidOperationException>(() => state.Ignore(DoorTrigger.Close));
    }

    [Fact]
    public void Given_a_permitted_trigger_When_a_guarded_permit_is_added_Then_it_throws_invalid_operation()
    {
        var state = new Door(DoorState.Open).Machine.Configure(DoorState.Open).Permit(DoorTrigger.Close, DoorState.Closed);

        Should.Throw<InvalidOperationException>(
            () => state.PermitIf(DoorTrigger.Close, DoorState.Locked, () => true, "has key"));
    }

    [Fact]
    public void Given_a_guarded_permit_When_an_unguarded_permit_is_added_Then_it_throws_invalid_operation()
    {
        var state = new Door(DoorState.Open).Machine.Configure(DoorState.Open)
            .PermitIf(DoorTrigger.Close, DoorState.Closed, () => true, "wind calm");

        Should.Throw<InvalidOperationException>(() => state.Permit(DoorTrigger.Close, DoorState.Locked));
    }
}
