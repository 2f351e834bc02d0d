using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Operations.Repairs;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.OrderHistory;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class CancelOrderTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_a_confirmed_order_When_it_is_cancelled_Then_CancelShipment_is_sent_first_and_the_order_stays_Confirmed()
    {
        var confirmed = await ConfirmedOrderAsync();

        var result = await CancelAsync(confirmed.OrderId);

        result.AlreadyCancelled.ShouldBeFalse();
        await SentAsync<CancelShipment>(m => m.OrderId == confirmed.OrderId);
        (await AllSentAsync<VoidPayment>(m => m.OrderId == confirmed.OrderId)).ShouldBeEmpty();
        (await OrderAsync(confirmed.OrderId)).Status.ShouldBe(OrderStatus.Confirmed);
        var saga = await SagaAsync(confirmed.OrderId);
        (saga.Status, saga.CurrentStep).ShouldBe((SagaStatus.Compensating, SagaCurrentStep.CancelShipment));
    }

    [Fact]
    public async Task Given_a_cancelled_confirmed_order_When_ShipmentCancelled_arrives_Then_VoidPayment_is_sent()
    {
        var confirmed = await ConfirmedOrderAsync();
        await CancelAsync(confirmed.OrderId);

        await ReplyAsync(new ShipmentCancelled(confirmed.OrderId, confirmed.ShipmentId));

        await SentAsync<VoidPayment>(m => m.OrderId == confirmed.OrderId);
        (await AllSentAsync<ReleaseStock>(m => m.OrderId == confirmed.OrderId)).ShouldBeEmpty();
        (await OrderAsync(confirmed.OrderId)).ShipmentStatus.ShouldBe(ShipmentStatus.Cancelled);
    }

    [Fact]
    public async Task Given_a_cancelled_confirmed_order_When_PaymentVoided_arrives_Then_ReleaseStock_is_sent()
    {
        var confirmed = await ConfirmedOrderAsync();
        await CancelAsync(confirmed.OrderId);
        await ReplyAsync(new ShipmentCancelled(confirmed.OrderId, confirmed.ShipmentId));

        await ReplyAsync(new PaymentVoided(confirmed.OrderId, confirmed.PaymentId));

        await SentAsync<ReleaseStock>(m => m.OrderId == confirmed.OrderId);
        var order = await OrderAsync(confirmed.OrderId);
        (order.Status, order.PaymentStatus).ShouldBe((OrderStatus.Confirmed, PaymentStatus.Voided));
    }

    [Fact]
    public async Task Given_a_cancelled_confirmed_order_When_StockReleased_arrives_Then_it_is_Cancelled_with_payment_Voided_and_shipment_Cancelled()
    {
        var confirmed = await ConfirmedOrderAsync();
        await CancelAsync(confirmed.OrderId);
        await ReplyAsync(new ShipmentCancelled(confirmed.OrderId, confirmed.ShipmentId));
        await ReplyAsync(new PaymentVoided(confirmed.OrderId, confirmed.PaymentId));

        await ReplyAsync(new StockReleased(confirmed.OrderId));

        var order = await OrderAsync(confirmed.OrderId);
        (order.Status, order.RejectionReason, order.PaymentStatus, order.ShipmentStatus).ShouldBe((OrderStatus.Cancelled, null, PaymentStatus.Voided, ShipmentStatus.Cancelled));
        var saga = await SagaAsync(confirmed.OrderId);
        (saga.Status, saga.CurrentStep, saga.NextAttemptAt).ShouldBe((SagaStatus.Compensated, null, null));
        (await PendingDeadlinesAsync(confirmed.OrderId)).ShouldBe(0);
        (await AllSentForAsync(confirmed.OrderId)).ShouldBe(
            [nameof(ReserveStock), nameof(AuthorizePayment), nameof(CreateShipment), nameof(CancelShipment), nameof(VoidPayment), nameof(ReleaseStock)],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Given_an_order_waiting_for_stock_When_it_is_cancelled_Then_Inventory_is_told_at_once_to_release_whatever_it_reserves()
    {
        var orderId = await PlacedOrderAsync();

        var result = await CancelAsync(orderId);

        result.AlreadyCancelled.ShouldBeFalse();
        (result.Order.Status, result.Order.CancellationRequestedAt).ShouldBe((OrderStatus.Pending, Clock.GetUtcNow()));
        (await AllSentForAsync(orderId)).ShouldBe([nameof(ReserveStock), nameof(ReleaseStock)], ignoreOrder: true);
        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep).ShouldBe((SagaStatus.Compensating, SagaCurrentStep.ReleaseStock));
    }

    [Fact]
    public async Task Given_an_order_whose_payment_is_being_retried_When_it_is_cancelled_Then_VoidPayment_is_sent_at_once()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        await ReplyAsync(new PaymentAttemptFailed(orderId, Guid.NewGuid(), 1, 4, "timeout"));

        await CancelAsync(orderId);

        await SentAsync<VoidPayment>(m => m.OrderId == orderId);
        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep).ShouldBe((SagaStatus.Compensating, SagaCurrentStep.VoidPayment));
        (await HistoryAsync(orderId)).Entries.ShouldContain(e => e.Event == "StepAbandoned" && e.FromState == "AuthorizePayment");
    }

    [Fact]
    public async Task Given_an_order_cancelled_while_waiting_for_stock_When_StockReserved_arrives_Then_the_stock_is_released_instead_of_paying()
    {
        var orderId = await PlacedOrderAsync();
        await CancelAsync(orderId);

        await StockReservedAsync(orderId);

        await SentAsync<ReleaseStock>(m => m.OrderId == orderId);
        (await AllSentAsync<AuthorizePayment>(m => m.OrderId == orderId)).ShouldBeEmpty();
        (await OrderAsync(orderId)).Status.ShouldBe(OrderStatus.Pending);
    }

    [Fact]
    public async Task Given_an_order_cancelled_while_waiting_for_stock_When_the_released_stock_is_confirmed_Then_it_is_Cancelled()
    {
        var orderId = await PlacedOrderAsync();
        await CancelAsync(orderId);
        await StockReservedAsync(orderId);

        await ReplyAsync(new StockReleased(orderId));

        var order = await OrderAsync(orderId);
        (order.Status, order.PaymentStatus, order.ShipmentStatus).ShouldBe((OrderStatus.Cancelled, null, null));
        (await SagaAsync(orderId)).Status.ShouldBe(SagaStatus.Compensated);
    }

    [Fact]
    public async Task Given_a_dispatched_shipment_When_ShipmentCancellationRefused_arrives_Then_the_saga_is_Completed_again_and_the_order_stays_Confirmed()
    {
        var confirmed = await ConfirmedOrderAsync();
        await CancelAsync(confirmed.OrderId);

        await ReplyAsync(new ShipmentCancellationRefused(confirmed.OrderId, confirmed.ShipmentId, ShipmentStatus.Dispatched));

        (await OrderAsync(confirmed.OrderId)).Status.ShouldBe(OrderStatus.Confirmed);
        var saga = await SagaAsync(confirmed.OrderId);
        (saga.Status, saga.CurrentStep, saga.NextAttemptAt).ShouldBe((SagaStatus.Completed, null, null));
        saga.LastError.ShouldBe("Cancellation refused: the shipment is already Dispatched.");
        (await PendingDeadlinesAsync(confirmed.OrderId)).ShouldBe(0);
        (await AllSentAsync<VoidPayment>(m => m.OrderId == confirmed.OrderId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_refused_cancellation_When_ShipmentDispatched_arrives_Then_the_order_is_Shipped_and_the_payment_captured()
    {
        var confirmed = await ConfirmedOrderAsync();
        await CancelAsync(confirmed.OrderId);
        await ReplyAsync(new ShipmentCancellationRefused(confirmed.OrderId, confirmed.ShipmentId, ShipmentStatus.Dispatched));

        await ReplyAsync(new ShipmentDispatched(confirmed.OrderId, confirmed.ShipmentId, "UPS", "1Z999AA10123456784"));

        (await OrderAsync(confirmed.OrderId)).Status.ShouldBe(OrderStatus.Shipped);
        await SentAsync<CapturePayment>(m => m.OrderId == confirmed.OrderId);
        await SentAsync<CommitStock>(m => m.OrderId == confirmed.OrderId);
    }

    [Fact]
    public async Task Given_a_shipped_order_When_it_is_cancelled_Then_it_is_a_conflict_and_nothing_is_compensated()
    {
        var shipped = await ShippedOrderAsync();

        var conflict = await Should.ThrowAsync<ConflictException>(() => CancelAsync(shipped.OrderId));

        conflict.Code.ShouldBe("order-not-cancellable");
        (await OrderAsync(shipped.OrderId)).Status.ShouldBe(OrderStatus.Shipped);
        (await AllSentAsync<CancelShipment>(m => m.OrderId == shipped.OrderId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_cancellation_under_way_When_the_order_is_cancelled_again_Then_it_is_accepted_without_a_second_CancelShipment()
    {
        var confirmed = await ConfirmedOrderAsync();
        await CancelAsync(confirmed.OrderId);

        var again = await CancelAsync(confirmed.OrderId);

        (again.AlreadyCancelled, again.AlreadyRequested).ShouldBe((false, true));
        (await AllSentAsync<CancelShipment>(m => m.OrderId == confirmed.OrderId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_cancellation_under_way_When_an_operator_sends_the_cancel_form_again_Then_it_is_refused_as_under_way_and_the_history_has_one_request()
    {
        var confirmed = await ConfirmedOrderAsync();
        var first = await RepairAsync(repairs => repairs.ApplyAsync(confirmed.OrderId, RepairKind.Cancel, Operator, "customer called", default));

        var preview = await RepairAsync(repairs => repairs.PreviewAsync(confirmed.OrderId, RepairKind.Cancel, Operator, "customer called (sent twice)", default));
        var again = await RepairAsync(repairs => repairs.ApplyAsync(confirmed.OrderId, RepairKind.Cancel, Operator, "customer called (sent twice)", default));
        var byApi = await CancelAsync(confirmed.OrderId);

        first.Applied.ShouldBeTrue();
        (preview.Allowed, preview.Refusal).ShouldBe((false, RepairPreviewer.CancellationUnderWay));
        (again.Applied, again.Message).ShouldBe((false, RepairPreviewer.CancellationUnderWay));
        (byApi.AlreadyCancelled, byApi.AlreadyRequested).ShouldBe((false, true), "the API still accepts a repeated cancel (202), as under way");
        (await HistoryAsync(confirmed.OrderId)).Entries.Count(e => e.Event == "CancellationRequested").ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_cancelled_order_When_it_is_cancelled_again_Then_it_answers_AlreadyCancelled_and_changes_nothing()
    {
        var orderId = await PlacedOrderAsync();
        await CancelAsync(orderId);
        await ReplyAsync(new StockReleased(orderId));
        var cancelled = await OrderAsync(orderId);
        (cancelled.Status, cancelled.CancellationRequestedAt).ShouldBe((OrderStatus.Cancelled, null));

        var again = await CancelAsync(orderId);

        again.AlreadyCancelled.ShouldBeTrue();
        again.Order.Status.ShouldBe(OrderStatus.Cancelled);
        (await OrderAsync(orderId)).Version.ShouldBe(cancelled.Version);
    }

    [Fact]
    public async Task Given_a_cancelled_order_When_its_history_is_read_Then_the_cancellation_names_who_asked_and_why()
    {
        var orderId = await PlacedOrderAsync();

        await CancelAsync(orderId, "ordered twice");

        var requested = (await HistoryAsync(orderId)).Entries.Single(e => e.Event == "CancellationRequested");
        (requested.Module, requested.FromState, requested.ToState, requested.Detail).ShouldBe((ModuleName.Ordering, "Pending", "Pending", $"by {Storefront}: ordered twice"));
    }

    private Task<T> RepairAsync<T>(Func<IOrderRepairs, Task<T>> repair) =>
        Host.InScopeAsync(services => repair(services.GetRequiredService<IOrderRepairs>()));
}
