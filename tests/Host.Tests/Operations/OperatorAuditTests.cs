using System.Net;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Operations;

// Every operator action is in the operators' audit, whichever door it came through; a storefront's is not.
[Collection(ApiCollection.Name)]
public sealed class OperatorAuditTests(ApiFactory api) : StockedApiTests(api, "AUDIT-SKU", 10)
{
    [Fact]
    public async Task Given_orders_cancelled_by_anOperator_and_by_theStorefront_When_the_audit_is_read_Then_only_theOperators_cancel_is_there()
    {
        var byOperator = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        var byStorefront = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));

        (await Operator.CancelAsync(byOperator, "customer phoned the shop")).StatusCode.ShouldBeOneOf(HttpStatusCode.Accepted, HttpStatusCode.OK);
        (await Storefront.CancelAsync(byStorefront, "changed my mind")).StatusCode.ShouldBeOneOf(HttpStatusCode.Accepted, HttpStatusCode.OK);

        (await Api.AuditAsync(byOperator)).ShouldBe([("CancelOrder", "dev-operator", "customer phoned the shop")]);
        (await Api.AuditAsync(byStorefront)).ShouldBeEmpty();
    }
}
