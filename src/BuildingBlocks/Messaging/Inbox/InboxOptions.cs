namespace OrderManagement.BuildingBlocks.Messaging.Inbox;

// Section "Messaging:Inbox". Retention: how long a handled message's inbox row is kept at least (hh:mm:ss or d.hh:mm:ss,
// at least 1 minute; default 7 days, for looking back at what was handled). PurgeInterval: how often old rows are
// removed (at least 1 second; default 10 minutes). A row goes only once no outbox row carries its message id, so no
// delivery of that message can come any more: the one-effect rule does not depend on these durations.
public sealed class InboxOptions
{
    public const string Section = "Messaging:Inbox";

    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);
}
