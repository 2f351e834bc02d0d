using System.Net.Http.Json;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

// PostgreSQL text cannot hold U+0000: where such a value reached a query or an insert it used to be a 500.
[Collection(ApiCollection.Name)]
public sealed class UnstorableTextTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_ready_shipment_When_dispatched_with_a_NUL_in_the_carrier_Then_400_and_the_shipment_stays_ReadyToShip()
    {
        var orderId = await _storefront.PlaceConfirmedOrderAsync(_operator);
        var shipmentId = (await _storefront.WaitForJsonAsync($"/api/v1/orders/{orderId}", o => o["shipmentId"] is not null, "the shipment"))
            .Text("shipmentId");

        using var response = await _operator.PostAsJsonAsync($"/api/v1/shipments/{shipmentId}/dispatch", new { carrier = "DHL\0", trackingNumber = "T\01" });

        var problem = await response.ShouldBeProblemAsync(400, "carrier");
        problem["errors"]!.AsObject().ShouldContainKey("trackingNumber");
        (await _operator.GetJsonAsync($"/api/v1/shipments/{shipmentId}")).Text("status").ShouldBe("ReadyToShip");
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("cust%00-42")]
    public async Task Given_a_NUL_in_the_customer_filter_When_listing_Then_400_naming_customerId(string customerId)
    {
        using var response = await _storefront.GetAsync("/api/v1/orders?customerId=" + customerId);

        await response.ShouldBeProblemAsync(400, "customerId");
    }

    [Fact]
    public async Task Given_a_NUL_in_an_operators_reason_When_retrying_or_replaying_Then_400_naming_reason()
    {
        using var retry = await _operator.RetrySagaAsync(Guid.NewGuid(), "stuck\0");
        using var replay = await _operator.ReplayDeadLetterAsync(Guid.NewGuid().ToString(), "stuck\0");

        await retry.ShouldBeProblemAsync(400, "reason");
        await replay.ShouldBeProblemAsync(400, "reason");
    }
}
