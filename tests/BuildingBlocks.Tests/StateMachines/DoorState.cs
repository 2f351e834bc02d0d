namespace OrderManagement.BuildingBlocks.Tests.StateMachines;

public enum DoorState
{
    Open,
    Closed,
    Locked,
}
