using System.Text.Json.Nodes;
using OrderManagement.BuildingBlocks.Web;

namespace OrderManagement.Host.OpenApi;

// The problem example of one operation's status, as that operation really answers it: the ProblemType the API uses,
// the resource a 404 names, the conflict a 409 reports, the field a 400 lists. A problem example copied from another
// operation told a reader the wrong story (issue 15 point 4).
internal static class ProblemExamples
{
    private const string Id = "0198c3a1-6f1e-7c44-9a55-0d5e4e2b7a10";

    // Operations whose problem of a status is a kind of their own.
    private static readonly Dictionary<string, (ProblemType Type, string Detail)> Special = new()
    {
        ["post /api/v1/webhooks 422"] = (new ProblemType("webhook-destination-refused", 422, "The webhook URL is not allowed."),
            "url resolves to 10.0.0.5, a loopback, private or link-local address; webhooks go only to public addresses."),
    };

    public static JsonObject? For(string method, string path, string status)
    {
        var key = $"{method} {path}";
        var found = Special.TryGetValue($"{key} {status}", out var special) ? special : Generic(key, status);
        if (found is not { } problem)
        {
            return null;
        }

        var example = new JsonObject
        {
            ["type"] = problem.Type.Uri,
            ["title"] = problem.Type.Title,
            ["status"] = problem.Type.Status,
            ["detail"] = problem.Detail,
            ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        };
        if (status == "400")
        {
            var (field, message) = InvalidField(key);
            example["errors"] = new JsonObject { [field] = new JsonArray(message) };
        }

        return example;
    }

    private static (ProblemType Type, string Detail)? Generic(string key, string status) => status switch
    {
        "400" => (ProblemType.Validation, "Correct the fields listed in 'errors' and send the request again."),
        "401" => (ProblemType.Unauthorized, "Send a valid key in the X-Api-Key header."),
        "403" => (ProblemType.Forbidden, "The key's role does not allow this endpoint; use a key with the right role."),
        "404" => (ProblemType.NotFound, $"{MissingResource(key)} was not found."),
        "409" => Conflict(key),
        "413" => (ProblemType.PayloadTooLarge, "Request bodies may be at most 256 KiB."),
        "415" => (ProblemType.UnsupportedMediaType, "Send the body as JSON in UTF-8 with 'Content-Type: application/json'."),
        "422" => (ProblemType.IdempotencyKeyReused, "Use a new Idempotency-Key for a new request; repeat the original request unchanged to get its response."),
        "503" => (ProblemType.DatabaseUnavailable, "The database cannot be reached or is switching to its standby. Retry after a few seconds with the same Idempotency-Key: if the request did take effect, the repeat returns its original answer."),
        _ => null,
    };

    private static string MissingResource(string key) => key switch
    {
        _ when key.Contains("/ops/sagas/", StringComparison.Ordinal) => $"Saga of order '{Id}'",
        _ when key.Contains("/ops/dead-letters/", StringComparison.Ordinal) => $"Dead letter '{Id}'",
        _ when key.Contains("/inventory/", StringComparison.Ordinal) => "SKU 'TSHIRT-RED-M'",
        _ when key.Contains("/shipments/", StringComparison.Ordinal) => $"Shipment '{Id}'",
        _ when key.Contains("/payments/", StringComparison.Ordinal) => $"Payment '{Id}'",
        _ when key.Contains("/webhooks/", StringComparison.Ordinal) => $"Webhook '{Id}'",
        _ when key.Contains("/returns/", StringComparison.Ordinal) => $"Return '{Id}'",
        _ => $"Order '{Id}'",
    };

    private static (ProblemType Type, string Detail) Conflict(string key) => key switch
    {
        _ when key.EndsWith("/cancel", StringComparison.Ordinal) => (Conflicting("order-not-cancellable"),
            $"Order {Id} is Shipped; only Pending or Confirmed orders can be cancelled."),
        _ when key.EndsWith("/retry", StringComparison.Ordinal) => (Conflicting("retry-in-progress"),
            $"An operator retry of AuthorizePayment is already under way for order {Id}; its answer is awaited until 2026-11-30T11:31:00.0000000+00:00. Retry again only if the saga has not moved by then."),
        _ when key.EndsWith("/replay", StringComparison.Ordinal) => (Conflicting("dead-letter-already-replayed"),
            $"Dead letter {Id} was already replayed by dev-operator at 2026-11-30 11:30:00 UTC (reason: provider is back), so it is no longer a dead letter and there is nothing to replay. Its order's timeline shows what happened since; if its delivery fails again, it is listed among the dead letters again and can be replayed then."),
        _ when key.EndsWith("/dispatch", StringComparison.Ordinal) => (Conflicting("shipment-not-ready"),
            $"Shipment {Id} is Cancelled; only a ReadyToShip shipment can be dispatched."),
        _ when key.EndsWith("/review/approve", StringComparison.Ordinal) || key.EndsWith("/review/reject", StringComparison.Ordinal) =>
            (Conflicting("order-not-held"), $"Order {Id} does not wait for a review decision (it is Confirmed: it was never held, or its review was already decided), so there is nothing to approve or reject. The orders that wait for a decision are listed as held."),
        _ when key == "post /api/v1/orders/{orderId}/returns" => (Conflicting("units-already-returned"),
            "Only 1 of the 2 delivered units of TSHIRT-RED-M can still be returned; the others are in another return of this order."),
        _ when key.EndsWith("/receive", StringComparison.Ordinal) || key.EndsWith("/reject", StringComparison.Ordinal) => (Conflicting("invalid-transition"),
            "Cannot fire trigger 'Receive' in state 'Refunded' of ReturnStatus."),
        _ when key.EndsWith("/{orderId}/shipments", StringComparison.Ordinal) => (Conflicting("quantity-exceeds-unshipped"),
            $"Order {Id} has 1 x TSHIRT-RED-M not yet in a shipment of its own or dispatched; 2 were asked for. Nothing was changed."),
        _ when key.EndsWith("/deliver", StringComparison.Ordinal) => (Conflicting("shipment-not-dispatched"),
            $"Shipment {Id} is ReadyToShip; only a Dispatched shipment can be delivered."),
        _ => (Conflicting("idempotency-key-in-use"), "A request with this Idempotency-Key is still being processed."),
    };

    private static ProblemType Conflicting(string name) => new(name, 409, ProblemType.ConflictTitle);

    private static (string Field, string Message) InvalidField(string key) => key switch
    {
        "post /api/v1/orders" => ("lines[0].quantity", "quantity must be between 1 and 1000."),
        _ when key.StartsWith("put /api/v1/inventory/", StringComparison.Ordinal) => ("onHand", "onHand is required."),
        _ when key.EndsWith("/dispatch", StringComparison.Ordinal) => ("carrier", "carrier is required."),
        _ when key.EndsWith("/{orderId}/shipments", StringComparison.Ordinal) => ("lines[0].quantity", "quantity must be from 1 to 1000000."),
        _ when key.EndsWith("/cancel", StringComparison.Ordinal) || key.EndsWith("/review/approve", StringComparison.Ordinal)
            => ("reason", "reason must be at most 500 characters."),
        _ when key.EndsWith("/review/reject", StringComparison.Ordinal) => ("reason", "reason is required."),
        _ when key.EndsWith("/retry", StringComparison.Ordinal) || key.EndsWith("/replay", StringComparison.Ordinal)
            || key.StartsWith("put /api/v1/ops/settings", StringComparison.Ordinal) => ("reason", "reason is required."),
        _ when key.StartsWith("post /api/v1/webhooks", StringComparison.Ordinal) => ("url", "url is required: the absolute URL the events are POSTed to."),
        "post /api/v1/orders/{orderId}/returns" => ("reason", "reason is required."),
        _ when key.EndsWith("/receive", StringComparison.Ordinal) => ("lines[0].restock", "restock is required (true: the units go back to stock)."),
        _ when key.EndsWith("/reject", StringComparison.Ordinal) => ("reason", "reason is required."),
        _ when key.StartsWith("get ", StringComparison.Ordinal) => ("limit", "limit must be between 1 and 100."),
        _ => ("$", "The body must be a JSON object with this endpoint's fields (see its request schema in /openapi/v1.json)."),
    };
}
