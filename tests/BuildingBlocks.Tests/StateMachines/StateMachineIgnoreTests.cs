namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public sealed class StateMachineIgnoreTests
{
    [Fact]
    public void Given_an_ignored_trigger_When_fired_Then_nothing_happens()
    {
        var door = new Door(DoorState.Open);
        var entered = false;
        var transitioned = false;
        door.Machine.Configure(DoorState.Open).Ignore(DoorTrigger.Open).OnEntry(_ => entered = true);
        door.Machine.OnTransitioned(_ => transitioned = true);

        door.Machine.Fire(DoorTrigger.Open);

        door.State.ShouldBe(DoorState.Open);
        entered.ShouldBeFalse();
        transitioned.ShouldBeFalse();
    }
}
