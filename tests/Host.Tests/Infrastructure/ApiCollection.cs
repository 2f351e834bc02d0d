namespace OrderManagement.Host.Tests.Infrastructure;

// All API tests share one host and one database, so they run one after another.
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
