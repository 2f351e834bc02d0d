using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class FulfilmentTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_a_placed_order_When_StockReserved_arrives_Then_AuthorizePayment_is_sent_with_amount_currency_and_token()
    {
        var orderId = (await PlaceOrderAsync("tok_mastercard")).OrderId;

        await StockReservedAsync(orderId);

        (await SentAsync<AuthorizePayment>(m => m.OrderId == orderId)).Single()
            .ShouldBe(new AuthorizePayment(orderId, Total, "EUR", "card", "tok_mastercard"));
        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep, saga.Attempts).ShouldBe((SagaStatus.Running, SagaCurrentStep.AuthorizePayment, 1));
        saga.NextAttemptAt.ShouldBe(Clock.GetUtcNow() + OrderingModuleFixture.PaymentStepDeadline);
    }

    [Fact]
    public async Task Given_reserved_stock_When_PaymentAuthorized_arrives_Then_CreateShipment_is_sent_with_lines_and_address()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);

        await PaymentAuthorizedAsync(orderId);

        var create = (await SentAsync<CreateShipment>(m => m.OrderId == orderId)).Single();
        create.Lines.ShouldBe([new ShipmentLine("TSHIRT-RED-M", 2), new ShipmentLine("MUG-01", 1)]);
        create.Address.ShouldBe(new ShipmentAddress("Ada Lovelace", "1 Main St", null, "London", "N1 9GU", "GB"));
        (await SagaAsync(orderId)).CurrentStep.ShouldBe(SagaCurrentStep.CreateShipment);
    }

    [Fact]
    public async Task Given_an_authorized_payment_When_PaymentAuthorized_arrives_Then_the_order_records_the_payment_and_stays_Pending()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);

        var paymentId = await PaymentAuthorizedAsync(orderId);

        var order = await OrderAsync(orderId);
        (order.Status, order.PaymentId, order.PaymentStatus).ShouldBe((OrderStatus.Pending, paymentId, PaymentStatus.Authorized));
    }

    [Fact]
    public async Task Given_an_authorized_payment_When_ShipmentCreated_arrives_Then_the_order_is_Confirmed_with_payment_Authorized_and_shipment_ReadyToShip()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        var paymentId = await PaymentAuthorizedAsync(orderId);

        var shipmentId = await ShipmentCreatedAsync(orderId);

        var order = await OrderAsync(orderId);
        (order.Status, order.PaymentId, order.PaymentStatus, order.ShipmentId, order.ShipmentStatus)
            .ShouldBe((OrderStatus.Confirmed, paymentId, PaymentStatus.Authorized, shipmentId, ShipmentStatus.ReadyToShip));
    }

    [Fact]
    public async Task Given_an_authorized_payment_When_ShipmentCreated_arrives_Then_the_saga_is_Completed_and_no_deadline_is_left_pending()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        await PaymentAuthorizedAsync(orderId);

        await ShipmentCreatedAsync(orderId);

        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep, saga.NextAttemptAt).ShouldBe((SagaStatus.Completed, null, null));
        (await PendingDeadlinesAsync(orderId)).ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_the_deadlines_it_moved_past_would_have_fallen_due_Then_no_command_is_sent_again()
    {
        var order = await ConfirmedOrderAsync();

        PassDeadline(OrderingModuleFixture.PaymentStepDeadline);

        (await AllSentForAsync(order.OrderId)).ShouldBe([nameof(ReserveStock), nameof(AuthorizePayment), nameof(CreateShipment)], ignoreOrder: true);
        (await SagaAsync(order.OrderId)).Status.ShouldBe(SagaStatus.Completed);
    }
}
