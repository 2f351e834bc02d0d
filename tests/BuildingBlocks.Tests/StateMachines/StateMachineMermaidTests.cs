namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public sealed class StateMachineMermaidTests
{
    [Fact]
    public void Given_a_configured_machine_When_exported_to_mermaid_Then_each_permitted_transition_is_one_line()
    {
        var door = new Door(DoorState.Open);
        door.Machine.Configure(DoorState.Open)
            .Permit(DoorTrigger.Close, DoorState.Closed)
            .Ignore(DoorTrigger.Open);
        door.Machine.Configure(DoorState.Closed)
            .Permit(DoorTrigger.Open, DoorState.Open)
            .PermitIf(DoorTrigger.Lock, DoorState.Locked, () => false, "has key")
            .PermitReentry(DoorTrigger.Knock);

        var mermaid = door.Machine.ToMermaid();

        mermaid.ShouldBe(
            """
            stateDiagram-v2
                Open --> Closed : Close
                Closed --> Open : Open
                Closed --> Locked : Lock [has key]
                Closed --> Closed : Knock
            """.ReplaceLineEndings("\n"));
    }
}
