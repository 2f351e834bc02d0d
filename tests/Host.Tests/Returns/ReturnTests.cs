using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;
using static OrderManagement.Host.Tests.Returns.ReturnFlows;

namespace OrderManagement.Host.Tests.Returns;

// Returns and refunds per line quantity (issue 16 point 2) through HTTP, on the real modules and database.
[Collection(ApiCollection.Name)]
public sealed class ReturnTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_delivered_order_of_three_items_When_one_is_returned_and_received_with_restock_Then_it_is_refunded_and_back_on_hand()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);

        var returnId = await _storefront.ReturnIdAsync(orderId, (Shirt, 1));
        using var received = await _operator.ReceiveAsync(returnId, (Shirt, 1, true));

        received.StatusCode.ShouldBe(HttpStatusCode.Accepted, await received.Content.ReadAsStringAsync());
        var refunded = await _storefront.WaitForReturnAsync(returnId, "Refunded");
        refunded["refundAmount"]!.GetValue<decimal>().ShouldBe(10.00m);
        refunded["lines"]![0]!["receivedQuantity"]!.GetValue<int>().ShouldBe(1);
        var order = await _storefront.WaitForOrderAsync(orderId, o => o["refundedAmount"]!.GetValue<decimal>() == 10.00m, "refundedAmount 10.00");
        var payment = await _operator.AssertPaymentAsync(order, "Captured");
        payment["refundedAmount"]!.GetValue<decimal>().ShouldBe(10.00m);
        await _operator.WaitForStockAsync(Shirt, Stocked - 1, 0);
        await _operator.AssertStockAsync(Cap, Stocked - 1, 0);
        var history = await _storefront.WaitForHistoryAsync(orderId, "RefundIssued");
        history.Select(e => e.Text("event")).ShouldContain("ReturnRequested");
        history.Select(e => e.Text("event")).ShouldContain("ReturnReceived");
        history.Select(e => e.Text("event")).ShouldContain("StockRestocked");
        var listed = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}/returns");
        listed["items"]!.AsArray().Single()!.Text("returnId").ShouldBe(returnId.ToString());
    }

    [Fact]
    public async Task Given_every_item_returned_When_received_without_restock_Then_the_payment_is_Refunded_and_stock_stays_out()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);

        var returnId = await _storefront.ReturnIdAsync(orderId, (Shirt, 2), (Cap, 1));
        (await _operator.ReceiveAsync(returnId, (Shirt, 2, false), (Cap, 1, false))).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await _storefront.WaitForReturnAsync(returnId, "Refunded");
        var order = await _storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "Refunded", "payment Refunded");
        order["refundedAmount"]!.GetValue<decimal>().ShouldBe(25.00m);
        (await _operator.AssertPaymentAsync(order, "Refunded"))["refundedAmount"]!.GetValue<decimal>().ShouldBe(25.00m);
        await _operator.AssertStockAsync(Shirt, Stocked - 2, 0);
        await _operator.AssertStockAsync(Cap, Stocked - 1, 0);
    }

    [Fact]
    public async Task Given_fewer_units_arrive_than_were_returned_When_received_Then_only_the_arrived_units_are_refunded()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);

        var returnId = await _storefront.ReturnIdAsync(orderId, (Shirt, 2));
        (await _operator.ReceiveAsync(returnId, (Shirt, 1, true))).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        (await _storefront.WaitForReturnAsync(returnId, "Refunded"))["refundAmount"]!.GetValue<decimal>().ShouldBe(10.00m);
        await _operator.WaitForStockAsync(Shirt, Stocked - 1, 0);
        (await _storefront.WaitForOrderAsync(orderId, o => o["refundedAmount"]!.GetValue<decimal>() == 10.00m, "refund")).Text("paymentStatus").ShouldBe("Captured");
    }

    [Fact]
    public async Task Given_a_requested_return_When_an_operator_rejects_it_Then_nothing_is_refunded_and_its_units_can_be_returned_again()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);
        var returnId = await _storefront.ReturnIdAsync(orderId, (Cap, 1));

        using var rejected = await _operator.PostAsJsonAsync($"/api/v1/returns/{returnId}/reject", new { reason = "sent back after 90 days" });

        rejected.StatusCode.ShouldBe(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        var @return = await _storefront.GetJsonAsync($"/api/v1/returns/{returnId}");
        (@return.Text("status"), @return.Text("rejectionReason")).ShouldBe(("Rejected", "sent back after 90 days"));
        using var receivedAfter = await _operator.ReceiveAsync(returnId, (Cap, 1, true));
        receivedAfter.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await receivedAfter.ReadJsonAsync()).Text("type")!.ShouldEndWith("/invalid-transition");
        await _storefront.WaitForHistoryAsync(orderId, "ReturnRejected");
        (await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}"))["refundedAmount"]!.GetValue<decimal>().ShouldBe(0m);
        await _storefront.ReturnIdAsync(orderId, (Cap, 1));
    }

    [Fact]
    public async Task Given_a_unit_already_in_a_return_When_it_is_returned_again_Then_409_and_nothing_changes()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);
        await _storefront.ReturnIdAsync(orderId, (Shirt, 1), (Cap, 1));

        using var again = await _storefront.RequestReturnAsync(orderId, (Cap, 1));
        using var tooMany = await _operator.RequestReturnAsync(orderId, (Shirt, 2));

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await tooMany.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await tooMany.ReadJsonAsync()).Text("type")!.ShouldEndWith("/units-already-returned");
        (await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}/returns"))["items"]!.AsArray().Count.ShouldBe(1);
        await _storefront.ReturnIdAsync(orderId, (Shirt, 1));
    }

    [Fact]
    public async Task Given_two_receives_of_one_return_at_once_When_both_are_sent_Then_one_wins_and_the_refund_is_made_once()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);
        var returnId = await _storefront.ReturnIdAsync(orderId, (Shirt, 2), (Cap, 1));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _operator.ReceiveAsync(returnId, (Shirt, 2, true), (Cap, 1, true))));

        answers.Count(a => a.StatusCode == HttpStatusCode.Accepted).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        await _storefront.WaitForReturnAsync(returnId, "Refunded");
        var order = await _storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "Refunded", "payment Refunded");
        order["refundedAmount"]!.GetValue<decimal>().ShouldBe(25.00m);
        await _operator.WaitForStockAsync(Shirt, Stocked, 0);
        await _operator.WaitForStockAsync(Cap, Stocked, 0);
        (await _storefront.CountAsync(orderId, "RefundIssued")).ShouldBe(1);
        (await _storefront.CountAsync(orderId, "StockRestocked")).ShouldBe(1);
    }

    [Fact]
    public async Task Given_two_returns_of_the_last_unit_at_once_When_both_are_sent_Then_one_is_created_and_the_other_is_a_409()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _storefront.RequestReturnAsync(orderId, (Cap, 1))));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(2);
        (await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}/returns"))["items"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_refund_in_flight_When_a_second_return_of_the_other_units_is_received_at_once_Then_each_is_refunded_once_and_never_above_captured()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);
        var first = await _storefront.ReturnIdAsync(orderId, (Shirt, 2));
        var second = await _storefront.ReturnIdAsync(orderId, (Cap, 1));

        var answers = await Task.WhenAll(_operator.ReceiveAsync(first, (Shirt, 2, true)), _operator.ReceiveAsync(second, (Cap, 1, false)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Accepted);
        await _storefront.WaitForReturnAsync(first, "Refunded");
        await _storefront.WaitForReturnAsync(second, "Refunded");
        var order = await _storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "Refunded", "payment Refunded");
        order["refundedAmount"]!.GetValue<decimal>().ShouldBe(order["total"]!.GetValue<decimal>());
        (await _storefront.CountAsync(orderId, "RefundIssued")).ShouldBe(2);
    }
}
