namespace OrderManagement.Host.Tests.Infrastructure;

// A test class that starts each test from an empty database with one SKU in stock, and talks to the host as the
// storefront and as an operator.
public abstract class StockedApiTests(ApiFactory api, string sku, int onHand) : IAsyncLifetime
{
    protected ApiFactory Api { get; } = api;

    protected string Sku { get; } = sku;

    protected HttpClient Storefront { get; } = api.Storefront();

    protected HttpClient Operator { get; } = api.Operator();

    public async Task InitializeAsync()
    {
        await Api.ResetAsync();
        await Operator.SetStockAsync(Sku, onHand);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
