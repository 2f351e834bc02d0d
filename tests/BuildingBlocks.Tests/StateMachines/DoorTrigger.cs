namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public enum DoorTrigger
{
    Open,
    Close,
    Lock,
    Unlock,
    Knock,
}
