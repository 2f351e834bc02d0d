namespace OrderManagement.BuildingBlocks.Persistence;

// How a module's messages are handed to it. A group shares one transaction (one commit for many messages).
public enum MessageDelivery
{
    // Several messages per transaction; groups for the module may run side by side (on this host or another).
    Grouped,

    // One message per transaction: for handlers that wait on the outside world, so a slow call holds up only its own message.
    OneByOne,
}
