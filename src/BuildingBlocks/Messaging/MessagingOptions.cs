namespace OrderManagement.BuildingBlocks.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public int MaxAttempts { get; set; } = 10;
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 100;
    public int DeliveryConcurrency { get; set; } = 8;

    // Messages for one module handled in one transaction (a module registered with MessageDelivery.OneByOne takes one).
    public int ConsumerGroupSize { get; set; } = 50;
}
