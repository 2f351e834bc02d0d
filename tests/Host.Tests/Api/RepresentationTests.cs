using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class RepresentationTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_new_order_with_client_totals_When_placed_Then_every_field_is_present_nulls_included_and_totals_are_the_servers()
    {
        var body = OrderRequests.PlaceOrderBody("tok_visa", ("TSHIRT-RED-M", 2, 19.99m), ("MUG-1", 3, 5.5m));
        body["total"] = 0.01m;
        body["lines"]![0]!["lineTotal"] = 0.01m;

        using var response = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var order = await response.JsonAsync();
        order.ShouldHaveFields(Representation.OrderFields);
        order["orderId"].ShouldBeUuid();
        order.Status().ShouldBe("Pending");
        foreach (var field in (string[])["rejectionReason", "paymentId", "paymentStatus", "shipmentId", "shipmentStatus", "trackingNumber"])
        {
            order[field].ShouldBeNull(field);
        }

        order["total"].ShouldBeMoney();
        order["total"]!.GetValue<decimal>().ShouldBe(56.48m);
        var lines = order["lines"]!.AsArray().Select(l => l!.AsObject()).ToList();
        lines.Count.ShouldBe(2);
        foreach (var line in lines)
        {
            line.ShouldHaveFields(Representation.LineFields);
            line["unitPrice"].ShouldBeMoney();
            line["lineTotal"].ShouldBeMoney();
            line["quantity"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        }

        lines[0]["lineTotal"]!.GetValue<decimal>().ShouldBe(39.98m);
        var address = order["shippingAddress"]!.AsObject();
        address.ShouldHaveFields(Representation.AddressFields);
        address["line2"].ShouldBeNull();
        order["createdAt"].ShouldBeUtcTimestamp();
        order["updatedAt"].ShouldBeUtcTimestamp();
        order["version"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_it_and_its_payment_shipment_saga_history_and_stock_are_read_Then_they_have_the_contract_fields_and_spellings()
    {
        var orderId = await _storefront.PlaceConfirmedOrderAsync(_operator);
        var order = await _storefront.WaitForJsonAsync($"/api/v1/orders/{orderId}",
            o => o.Text("paymentStatus") == "Authorized" && o.Text("shipmentStatus") == "ReadyToShip", "payment and shipment to show on the order");

        order["paymentId"].ShouldBeUuid();
        order["shipmentId"].ShouldBeUuid();
        var payment = await _operator.GetJsonAsync($"/api/v1/payments/{order.Text("paymentId")}");
        var shipment = await _operator.GetJsonAsync($"/api/v1/shipments/{order.Text("shipmentId")}");
        var saga = await _operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}");
        var history = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}/history");
        var stock = await _storefront.GetJsonAsync("/api/v1/inventory/TSHIRT-RED-M");
        var page = await _storefront.GetJsonAsync("/api/v1/orders");

        payment.ShouldHaveFields("paymentId", "orderId", "amount", "currency", "status", "attempts");
        payment["amount"].ShouldBeMoney();
        payment.Text("status").ShouldBe("Authorized");
        payment.Text("currency").ShouldBe("EUR");
        shipment.ShouldHaveFields("shipmentId", "orderId", "status", "carrier", "trackingNumber", "lines");
        shipment.Text("status").ShouldBe("ReadyToShip");
        shipment["carrier"].ShouldBeNull();
        saga.ShouldHaveFields("orderId", "status", "currentStep", "attempts", "lastError", "startedAt", "updatedAt", "nextAttemptAt");
        saga["status"].ShouldBeOneOfOrNull(Representation.SagaStatuses);
        saga["currentStep"].ShouldBeOneOfOrNull(Representation.SagaSteps);
        saga["startedAt"].ShouldBeUtcTimestamp();
        stock.ShouldHaveFields("sku", "onHand", "reserved", "available");
        stock["available"]!.GetValue<int>().ShouldBe(stock["onHand"]!.GetValue<int>() - stock["reserved"]!.GetValue<int>());
        page.ShouldHaveFields("items", "nextCursor");
        history.ShouldHaveFields("orderId", "entries");
        var entries = history["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
        entries.Select(e => e["sequence"]!.GetValue<int>()).ShouldBe(Enumerable.Range(1, entries.Count));
        foreach (var entry in entries)
        {
            entry.ShouldHaveFields("sequence", "occurredAt", "module", "event", "fromState", "toState", "detail");
            entry["occurredAt"].ShouldBeUtcTimestamp();
            entry.Text("module").ShouldBeOneOf(Representation.Modules);
        }

        entries.Select(e => e.Text("module")).Distinct().OrderBy(m => m).ShouldBe(Representation.Modules.Order());
    }

    [Fact]
    public async Task Given_an_order_rejected_for_stock_When_read_Then_reason_OutOfStock_and_no_payment_or_shipment()
    {
        var orderId = await _storefront.PlaceRejectedOrderAsync("cust-rejected");

        var order = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");

        order.ShouldHaveFields(Representation.OrderFields);
        order.Text("rejectionReason").ShouldBe("OutOfStock");
        order["paymentStatus"].ShouldBeNull();
        order["shipmentStatus"].ShouldBeNull();
        order["paymentId"].ShouldBeNull();
        order["status"].ShouldBeOneOfOrNull(Representation.OrderStatuses);
    }

    [Fact]
    public async Task Given_orders_in_several_currencies_When_placed_Then_EUR_USD_and_GBP_are_accepted()
    {
        foreach (var currency in (string[])["EUR", "USD", "GBP"])
        {
            var body = OrderRequests.PlaceOrderBody();
            body["currency"] = currency;

            using var response = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body));

            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, currency);
            (await response.JsonAsync()).Text("currency").ShouldBe(currency);
        }
    }
}
