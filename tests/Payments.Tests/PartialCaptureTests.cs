using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Payments.CapturePayment;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// Partial shipments (docs/adr/0019): each shipment's dispatch captures the money of its lines, once per shipment.
public sealed class PartialCaptureTests(PaymentsModuleFixture fixture) : PaymentsTest(fixture)
{
    [Fact]
    public async Task Given_an_authorized_payment_When_two_shipments_are_captured_Then_it_is_PartiallyCaptured_then_Captured_with_one_capture_each()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();

        await CaptureAsync(orderId, first, 19.99m);
        (await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId)).Single()
            .ShouldBe(new PaymentCaptured(orderId, paymentId, first, 19.99m, PaymentStatus.PartiallyCaptured));
        var partly = await PaymentOfAsync(orderId);
        (partly.Status, partly.CapturedAmount).ShouldBe((PaymentStatus.PartiallyCaptured, 19.99m));

        await CaptureAsync(orderId, second, 39.99m);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId, count: 2);

        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.CapturedAmount).ShouldBe((PaymentStatus.Captured, Amount));
        (await CapturesOfAsync(paymentId)).Select(c => (c.ShipmentId, c.Amount, c.Status))
            .ShouldBe([(first, 19.99m, CaptureStatus.Captured), (second, 39.99m, CaptureStatus.Captured)], ignoreOrder: true);
        (await HistoryOfAsync(orderId)).Select(h => h.Event).ShouldBe(
            ["PaymentStarted", "PaymentAuthorized", "PaymentPartiallyCaptured", "PaymentCaptured"]);
    }

    [Fact]
    public async Task Given_a_shipment_captured_When_its_capture_is_delivered_again_Then_nothing_more_is_captured()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);
        var shipment = Guid.NewGuid();
        await CaptureAsync(orderId, shipment, 20m);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);

        await CaptureAsync(orderId, shipment, 20m);
        await Host.SendAsync(new CaptureShipmentCommand(orderId, shipment, 20m));

        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentCaptured>().Count(m => m.OrderId == orderId).ShouldBe(1);
        (await PaymentOfAsync(orderId)).CapturedAmount.ShouldBe(20m);
        (await CapturesOfAsync(paymentId)).ShouldHaveSingleItem().Amount.ShouldBe(20m);
    }

    [Fact]
    public async Task Given_the_same_shipment_captured_by_several_deliveries_at_once_Then_it_is_captured_once()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);
        var shipment = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Host.SendAsync(new CaptureShipmentCommand(orderId, shipment, 25m))));

        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);
        await Host.UntilPaymentsSettledAsync();
        Host.Recorder.Received<PaymentCaptured>().Count(m => m.OrderId == orderId).ShouldBe(1);
        (await PaymentOfAsync(orderId)).CapturedAmount.ShouldBe(25m);
        (await CapturesOfAsync(paymentId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Given_captures_that_would_exceed_the_authorization_When_one_is_asked_Then_it_is_refused_and_nothing_changes()
    {
        var orderId = Guid.NewGuid();
        var paymentId = await AuthorizedPaymentAsync(orderId);
        await CaptureAsync(orderId, Guid.NewGuid(), 50m);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);

        var refused = await Should.ThrowAsync<ConflictException>(() => Host.SendAsync(new CaptureShipmentCommand(orderId, Guid.NewGuid(), 10m)));

        refused.Code.ShouldBe("capture-exceeds-authorization");
        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.CapturedAmount).ShouldBe((PaymentStatus.PartiallyCaptured, 50m));
        (await CapturesOfAsync(paymentId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Given_a_partly_captured_payment_When_a_capture_naming_no_shipment_comes_Then_it_captures_the_rest()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        await CaptureAsync(orderId, Guid.NewGuid(), 9.98m);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);

        await CaptureAsync(orderId);

        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId, count: 2);
        var payment = await PaymentOfAsync(orderId);
        (payment.Status, payment.CapturedAmount).ShouldBe((PaymentStatus.Captured, Amount));
    }

    [Fact]
    public async Task Given_a_partly_captured_payment_When_a_void_comes_Then_it_is_refused_and_the_captured_money_stays()
    {
        var orderId = Guid.NewGuid();
        await AuthorizedPaymentAsync(orderId);
        await CaptureAsync(orderId, Guid.NewGuid(), 9.98m);
        await UntilReceivedAsync<PaymentCaptured>(m => m.OrderId == orderId);

        await Should.ThrowAsync<InvalidTransitionException>(() => Host.SendAsync(new VoidPayment.VoidPaymentCommand(orderId)));

        (await PaymentOfAsync(orderId)).Status.ShouldBe(PaymentStatus.PartiallyCaptured);
    }

    private Task CaptureAsync(Guid orderId, Guid shipmentId, decimal amount) =>
        Host.DeliverAsync(new Contracts.CapturePayment(orderId, shipmentId, amount), PaymentsModule.Name);

    private Task<List<PaymentCapture>> CapturesOfAsync(Guid paymentId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<PaymentsDbContext>().Captures.AsNoTracking()
            .Where(c => c.PaymentId == paymentId).ToListAsync());
}
