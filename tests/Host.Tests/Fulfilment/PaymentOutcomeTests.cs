using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Fulfilment;

// The fixture allows 3 authorization attempts of 300 ms each, so retries run out within a couple of seconds.
[Collection(ApiCollection.Name)]
public sealed class PaymentOutcomeTests(ApiFactory api) : StockedApiTests(api, "HOODIE-GREY-L", 10)
{
    [Theory]
    [InlineData("tok_declined")]
    [InlineData("tok_insufficient_funds")]
    public async Task Given_a_card_that_is_declined_When_the_order_is_placed_Then_it_is_rejected_payment_declined_and_the_stock_released(string token)
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody(token, (Sku, 3, 40m)));

        var rejected = await Storefront.WaitForOutcomeAsync(orderId);

        rejected.Status().ShouldBe("Rejected");
        rejected.Text("rejectionReason").ShouldBe("PaymentDeclined");
        var payment = await Operator.AssertPaymentAsync(rejected, "Declined");
        payment["attempts"]!.GetValue<int>().ShouldBe(1);
        rejected.Text("shipmentStatus").ShouldBeNull();
        rejected.Text("shipmentId").ShouldBeNull();
        await Storefront.AssertStockAsync(Sku, onHand: 10, reserved: 0);
    }

    [Fact]
    public async Task Given_a_provider_that_never_answers_When_the_order_is_placed_Then_it_is_rejected_payment_failed_after_every_attempt()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_timeout", (Sku, 2, 40m)));

        var rejected = await Storefront.WaitForOutcomeAsync(orderId, TimeSpan.FromSeconds(30));

        rejected.Status().ShouldBe("Rejected");
        rejected.Text("rejectionReason").ShouldBe("PaymentFailed");
        var payment = await Operator.AssertPaymentAsync(rejected, "Failed");
        payment["attempts"]!.GetValue<int>().ShouldBe(3);
        payment["amount"]!.GetValue<decimal>().ShouldBe(80m);
        rejected.Text("shipmentStatus").ShouldBeNull();
        await Storefront.AssertStockAsync(Sku, onHand: 10, reserved: 0);
    }

    [Fact]
    public async Task Given_a_provider_that_fails_twice_then_answers_When_the_order_is_placed_Then_it_is_confirmed_on_the_third_attempt()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_flaky", (Sku, 2, 40m)));

        var confirmed = await Storefront.WaitForOutcomeAsync(orderId, TimeSpan.FromSeconds(30));

        confirmed.Status().ShouldBe("Confirmed");
        confirmed.Text("rejectionReason").ShouldBeNull();
        var payment = await Operator.AssertPaymentAsync(confirmed, "Authorized");
        payment["attempts"]!.GetValue<int>().ShouldBe(3);
        await Operator.AssertShipmentAsync(confirmed, "ReadyToShip");
        await Storefront.AssertStockAsync(Sku, onHand: 10, reserved: 2);
    }
}
