
namespace OrderManagement.Host.Tests.Infrastructure;

// The real host with a short lock wait and few delivery attempts: a delivery that counted each lock wait as a failed
// attempt would be dead-lettered within a second or two of waiting on a locked row.
public sealed class LockedStockApiFactory : ApiFactory
{
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMilliseconds(200);

    public const int MaxAttempts = 3;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Messaging:LockTimeout"] = LockTimeout.ToString(),
        ["Messaging:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

[CollectionDefinition(Name)]
public sealed class LockedStockCollection : ICollectionFixture<LockedStockApiFactory>
{
    public const string Name = "api-locked-stock";
}
