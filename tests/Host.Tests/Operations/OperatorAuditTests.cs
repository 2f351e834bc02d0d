using System.Net;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Operations;

// Every operator action is in the operators' audit, whichever door it came through; a storefront's is not.
[Collection(ApiCollection.Name)]
public sealed class OperatorAuditTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "AUDIT-SKU";
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(Sku, 10);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_orders_cancelled_by_an_operator_and_by_the_storefront_When_the_audit_is_read_Then_only_the_operators_cancel_is_there()
    {
        var byOperator = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        var byStorefront = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));

        (await _operator.CancelAsync(byOperator, "customer phoned the shop")).StatusCode.ShouldBeOneOf(HttpStatusCode.Accepted, HttpStatusCode.OK);
        (await _storefront.CancelAsync(byStorefront, "changed my mind")).StatusCode.ShouldBeOneOf(HttpStatusCode.Accepted, HttpStatusCode.OK);

        (await api.AuditAsync(byOperator)).ShouldBe([("CancelOrder", "dev-operator", "customer phoned the shop")]);
        (await api.AuditAsync(byStorefront)).ShouldBeEmpty();
    }
}
