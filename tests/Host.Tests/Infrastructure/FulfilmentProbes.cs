using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Infrastructure;

// Reads and actions the fulfilment tests share: stock, payments, shipments, cancel and dispatch, and the
// checks that an order's own fields agree with what the owning modules say.
public static class FulfilmentProbes
{
    // Generous on purpose: the test machine is small and shared, and a slow pass is not a failure.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static Task<JsonObject> GetStockAsync(this HttpClient client, string sku) => client.GetJsonAsync($"/api/v1/inventory/{sku}");

    public static async Task AssertStockAsync(this HttpClient client, string sku, int onHand, int reserved)
    {
        var stock = await client.GetStockAsync(sku);
        stock["onHand"]!.GetValue<int>().ShouldBe(onHand, $"onHand of {sku}");
        stock["reserved"]!.GetValue<int>().ShouldBe(reserved, $"reserved of {sku}");
        stock["available"]!.GetValue<int>().ShouldBe(onHand - reserved, $"available of {sku}");
    }

    public static Task WaitForStockAsync(this HttpClient client, string sku, int onHand, int reserved) =>
        Poller.UntilAsync(
            () => client.GetStockAsync(sku),
            s => s["onHand"]!.GetValue<int>() == onHand && s["reserved"]!.GetValue<int>() == reserved,
            $"{sku} to have onHand {onHand} and reserved {reserved}",
            Patience);

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, Guid orderId, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/orders/{orderId}/cancel", new { reason });

    public static Task<HttpResponseMessage> DispatchAsync(this HttpClient operatorClient, string shipmentId, string trackingNumber = "JD014600006281") =>
        operatorClient.PostAsJsonAsync($"/api/v1/shipments/{shipmentId}/dispatch", new { carrier = "DHL", trackingNumber });

    public static Task<JsonObject> WaitForOrderAsync(this HttpClient client, Guid orderId, Func<JsonObject, bool> done, string what, TimeSpan? timeout = null) =>
        Poller.UntilAsync(() => client.GetJsonAsync($"/api/v1/orders/{orderId}"), done, $"order {orderId}: {what}", timeout ?? Patience);

    // An entry shows once every transaction that began before it has ended (ADR 0006): wait for it rather than read once.
    public static async Task<List<JsonObject>> WaitForHistoryAsync(this HttpClient client, Guid orderId, string @event)
    {
        var history = await Poller.UntilAsync(
            () => client.GetJsonAsync($"/api/v1/orders/{orderId}/history"),
            h => h["entries"]!.AsArray().Any(e => e!.Text("event") == @event),
            $"order {orderId}: history to show {@event}",
            Patience);
        return [.. history["entries"]!.AsArray().Select(e => e!.AsObject())];
    }

    // Waits until the order has left Pending, whatever it became.
    public static Task<JsonObject> WaitForOutcomeAsync(this HttpClient client, Guid orderId, TimeSpan? timeout = null) =>
        client.WaitForOrderAsync(orderId, o => o.Status() != "Pending", "to leave Pending", timeout);

    // The payment as Payments itself reports it; the order's paymentStatus must say the same.
    public static async Task<JsonObject> AssertPaymentAsync(this HttpClient operatorClient, JsonObject order, string status)
    {
        order.Text("paymentStatus").ShouldBe(status);
        var payment = await operatorClient.GetJsonAsync($"/api/v1/payments/{order.Text("paymentId")}");
        payment.Text("status").ShouldBe(status);
        payment.Text("orderId").ShouldBe(order.Text("orderId"));
        return payment;
    }

    public static async Task AssertShipmentAsync(this HttpClient operatorClient, JsonObject order, string status)
    {
        order.Text("shipmentStatus").ShouldBe(status);
        var shipment = await operatorClient.GetJsonAsync($"/api/v1/shipments/{order.Text("shipmentId")}");
        shipment.Text("status").ShouldBe(status);
    }

    public static async Task ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(body)!.AsObject();
        foreach (var field in new[] { "type", "title", "status", "detail", "traceId" })
        {
            problem.ContainsKey(field).ShouldBeTrue($"problem+json lacks '{field}': {body}");
        }

        problem["status"]!.GetValue<int>().ShouldBe((int)status);
    }

    // The contract's Saga resource: every field present, null allowed.
    public static void ShouldHaveEverySagaField(this JsonObject saga)
    {
        foreach (var field in new[] { "orderId", "status", "currentStep", "attempts", "lastError", "startedAt", "updatedAt", "nextAttemptAt" })
        {
            saga.ContainsKey(field).ShouldBeTrue($"saga lacks '{field}': {saga.ToJsonString()}");
        }
    }
}
