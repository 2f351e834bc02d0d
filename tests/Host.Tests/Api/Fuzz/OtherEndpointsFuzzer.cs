using System.Globalization;
using System.Text;
using OrderManagement.Host.Tests.Api.Support;

namespace OrderManagement.Host.Tests.Api.Fuzz;

// Random bad requests for every other endpoint: query strings of the listings, stock bodies and SKUs,
// cancel/dispatch/retry/replay bodies against ids that do not exist, malformed ids and wrong methods.
public sealed class OtherEndpointsFuzzer(RandomValues values, string storefrontKey, string operatorKey, string existingSku)
{
    public RawRequest Next() => values.Random.Next(8) switch
    {
        0 or 1 => ListOrders(),
        2 => ListSagasOrDeadLetters(),
        3 or 4 => SetStock(),
        5 => Cancel(),
        6 => ShipmentOrOperatorAction(),
        _ => WrongPathOrMethod(),
    };

    private RawRequest Get(string name, string path, string key, int status, string? errorKey = null) =>
        new(name, HttpMethod.Get, path, key, status) { ErrorKey = errorKey };

    private RawRequest ListOrders()
    {
        var key = values.Pick(storefrontKey, operatorKey);
        return values.Random.Next(6) switch
        {
            0 => Get("orders limit", "/api/v1/orders?limit=" + BadLimit(), key, 400, "limit"),
            1 => Get("orders limit not a number", "/api/v1/orders?limit=" + Uri.EscapeDataString(NotAnInt()), key, 400),
            2 => Get("orders status", "/api/v1/orders?status=" + Uri.EscapeDataString(BadStatus("Pending", "Cancelled")), key, 400, "status"),
            3 => Get("orders cursor", "/api/v1/orders?cursor=" + Uri.EscapeDataString(BadCursor()), key, 400, "cursor"),
            4 => Get("orders customerId", "/api/v1/orders?customerId=" + values.Pick(values.Letters(values.Between(65, 200)), "%00", "a%00b", "cust%00"), key, 400, "customerId"),
            _ => Get("orders limit and status", $"/api/v1/orders?limit={BadLimit()}&status=pending", key, 400, "limit"),
        };
    }

    private RawRequest ListSagasOrDeadLetters() => values.Random.Next(6) switch
    {
        0 => Get("sagas limit", "/api/v1/ops/sagas?limit=" + BadLimit(), operatorKey, 400, "limit"),
        1 => Get("sagas stuckForSeconds", "/api/v1/ops/sagas?stuckForSeconds=" + values.Between(int.MinValue, -1).ToString(CultureInfo.InvariantCulture), operatorKey, 400, "stuckForSeconds"),
        2 => Get("sagas stuckForSeconds not a number", "/api/v1/ops/sagas?stuckForSeconds=" + Uri.EscapeDataString(NotAnInt()), operatorKey, 400),
        3 => Get("sagas status", "/api/v1/ops/sagas?status=" + Uri.EscapeDataString(BadStatus("Running", "Failed")), operatorKey, 400, "status"),
        4 => Get("sagas cursor", "/api/v1/ops/sagas?cursor=" + Uri.EscapeDataString(BadCursor()), operatorKey, 400, "cursor"),
        _ => values.Chance(0.5)
            ? Get("dead letters limit", "/api/v1/ops/dead-letters?limit=" + BadLimit(), operatorKey, 400, "limit")
            : Get("dead letters cursor", "/api/v1/ops/dead-letters?cursor=" + Uri.EscapeDataString(BadCursor()), operatorKey, 400, "cursor"),
    };

    private RawRequest SetStock()
    {
        var sku = values.Chance(0.5) ? existingSku : "FUZZ-" + values.Letters(8);
        RawRequest Put(string name, string path, string json, int status, string? errorKey = null) =>
            new RawRequest(name, HttpMethod.Put, path, operatorKey, status) { ErrorKey = errorKey }.WithJson(json);
        return values.Random.Next(8) switch
        {
            0 => Put("stock bad sku", "/api/v1/inventory/" + BadSku(), "{\"onHand\":5}", 400, "sku"),
            1 => Put("stock onHand type", $"/api/v1/inventory/{sku}", $"{{\"onHand\":{values.Pick("\"5\"", "1.5", "true", "[]", "{}", "99999999999", "\"\"", "1e2")}}}", 400, "onHand"),
            2 => Put("stock onHand range", $"/api/v1/inventory/{sku}",
                $"{{\"onHand\":{values.Pick(values.Between(int.MinValue, -1), values.Between(1_000_000_001, int.MaxValue)).ToString(CultureInfo.InvariantCulture)}}}", 400, "onHand"),
            3 => Put("stock onHand missing", $"/api/v1/inventory/{sku}", values.Pick("{}", "{\"onHand\":null}", "{\"stock\":5}"), 400, "onHand"),
            4 => Put("stock bad document", $"/api/v1/inventory/{sku}", values.Pick("[]", "5", "\"x\"", "{\"onHand\":", "{\"onHand\":5", "", "{onHand:5}"), 400),
            5 => Put("stock content type", $"/api/v1/inventory/{sku}", "{\"onHand\":5}", 415) with { ContentType = values.Pick<string?>("text/plain", "application/xml", null) },
            6 => Put("stock empty body", $"/api/v1/inventory/{sku}", "", 400),
            _ => new RawRequest("stock no body", HttpMethod.Put, $"/api/v1/inventory/{sku}", operatorKey, 400) { Body = null },
        };
    }

    private RawRequest Cancel()
    {
        var path = $"/api/v1/orders/{Guid.NewGuid()}/cancel";
        var key = values.Pick(storefrontKey, operatorKey);
        RawRequest Post(string name, string json, int status, string? errorKey = null) =>
            new RawRequest(name, HttpMethod.Post, path, key, status) { ErrorKey = errorKey }.WithJson(json);
        var request = values.Random.Next(9) switch
        {
            0 => Post("cancel reason type", $"{{\"reason\":{values.Pick("5", "true", "[]", "{}", "1.5")}}}", 400, "reason"),
            1 => Post("cancel reason too long", $"{{\"reason\":\"{values.Letters(values.Between(501, 2000))}\"}}", 400, "reason"),
            2 => Post("cancel reason NUL", "{\"reason\":\"a\\u0000b\"}", 400, "reason"),
            3 => Post("cancel reason lone surrogate", $"{{\"reason\":\"{values.Pick("\\ud800", "x\\udc00")}\"}}", 400, "reason"),
            4 => Post("cancel bad document", values.Pick("[]", "\"x\"", "1", "{\"reason\":", "{reason}", "{\"reason\":\"a\"}}"), 400),
            5 => Post("cancel content type", "{\"reason\":\"x\"}", 415) with { ContentType = values.Pick<string?>("text/plain", "application/xml") },
            6 => Post("cancel idempotency key too long", "{\"reason\":\"x\"}", 400) with { IdempotencyKey = values.Letters(values.Between(256, 600)) },
            // A storefront's reason is optional; an operator's is required (every operator action is audited with one).
            7 when key == operatorKey => Post("operator cancel without a reason", values.Pick("{}", "{\"reason\":null}", "{\"reason\":\"  \"}"), 400, "reason"),
            _ when key == storefrontKey => Post("cancel unknown order", values.Pick("{\"reason\":\"changed my mind\"}", "{}", "{\"reason\":null}"), 404),
            _ => Post("cancel unknown order", "{\"reason\":\"customer phoned\"}", 404),
        };
        return request.IdempotencyKey is null && values.Chance(0.4) ? request with { IdempotencyKey = Guid.NewGuid().ToString() } : request;
    }

    private RawRequest ShipmentOrOperatorAction()
    {
        var id = Guid.NewGuid();
        RawRequest Post(string name, string path, string json, int status, string? errorKey = null) =>
            new RawRequest(name, HttpMethod.Post, path, operatorKey, status) { ErrorKey = errorKey }.WithJson(json);
        var dispatch = $"/api/v1/shipments/{id}/dispatch";
        var operatorAction = values.Pick($"/api/v1/ops/sagas/{id}/retry", $"/api/v1/ops/dead-letters/{id}/replay");
        return values.Random.Next(10) switch
        {
            0 => Post("dispatch missing carrier", dispatch, values.Pick("{}", "{\"trackingNumber\":\"T1\"}", "{\"carrier\":\"\",\"trackingNumber\":\"T1\"}"), 400, "carrier"),
            1 => Post("dispatch carrier", dispatch, $"{{\"carrier\":\"{values.Pick(values.Letters(values.Between(65, 200)), "DHL\\u0000")}\",\"trackingNumber\":\"T1\"}}", 400, "carrier"),
            2 => Post("dispatch types", dispatch, $"{{\"carrier\":\"DHL\",\"trackingNumber\":{values.Pick("1", "[]", "{}", "true")}}}", 400, "trackingNumber"),
            3 => Post("dispatch content type", dispatch, "{\"carrier\":\"DHL\",\"trackingNumber\":\"T1\"}", 415) with { ContentType = "text/plain" },
            4 => Post("dispatch unknown shipment", dispatch, "{\"carrier\":\"DHL\",\"trackingNumber\":\"T1\"}", 404),
            5 => Post("operator reason type", operatorAction, $"{{\"reason\":{values.Pick("1", "[]", "{}", "false")}}}", 400, "reason"),
            6 => Post("operator reason invalid", operatorAction, $"{{\"reason\":\"{values.Pick("a\\u0000b", values.Letters(values.Between(501, 900)))}\"}}", 400, "reason"),
            7 => Post("operator bad document", operatorAction, values.Pick("[1]", "\"x\"", "{\"reason\":"), 400),
            8 => new RawRequest("operator no reason", HttpMethod.Post, operatorAction, operatorKey, 400) { ErrorKey = "reason" },
            _ => values.Random.Next(2) == 0
                ? Post("operator unknown id", operatorAction, "{\"reason\":\"on-call check\"}", 404)
                : new RawRequest("operator unknown id", HttpMethod.Post, $"/api/v1/shipments/{id}/deliver", operatorKey, 404),
        };
    }

    private RawRequest WrongPathOrMethod()
    {
        var id = Guid.NewGuid();
        return values.Random.Next(4) switch
        {
            0 => Get("malformed id", values.Pick("/api/v1/orders/not-a-guid", "/api/v1/orders/123/history", "/api/v1/ops/sagas/x",
                "/api/v1/shipments/%20", "/api/v1/payments/00000000-0000-0000-0000-00000000000g"), operatorKey, 404),
            1 => Get("unknown resource", values.Pick($"/api/v1/orders/{id}", $"/api/v1/orders/{id}/history", $"/api/v1/ops/sagas/{id}",
                $"/api/v1/shipments/{id}", $"/api/v1/payments/{id}", "/api/v1/inventory/NO-SUCH-SKU"), operatorKey, 404),
            2 => new RawRequest("wrong method", values.Pick(HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Put), $"/api/v1/orders/{id}", storefrontKey, 405),
            _ => Get("no such path", values.Pick("/api/v1/order", "/api/v2/orders", "/api/v1/orders/" + id + "/refund"), storefrontKey, 404),
        };
    }

    private string BadLimit() =>
        values.Pick(0, -1, 101, 1000, values.Between(101, int.MaxValue), values.Between(int.MinValue, 0)).ToString(CultureInfo.InvariantCulture);

    private string NotAnInt() => values.Pick("abc", "1.5", "1e2", "0x10", "+-1", "99999999999", "", "\u0661", "ten");

    private string BadStatus(string valid, string other) =>
        values.Pick(valid.ToLowerInvariant(), valid.ToUpperInvariant(), valid + " ", "Unknown", "Canceled", "", "0", other + "," + valid);

    private string BadSku() =>
        values.Pick(values.Letters(values.Between(65, 120)), "a%20b", "%C3%84", "a%40b", "a%2Bb", "a~b", "a%2Cb", "%ED%A0%80");

    // Random base64url, tampered or hand-made: none carries this API's signature.
    private string BadCursor() => values.Random.Next(4) switch
    {
        0 => Convert.ToBase64String(values.Bytes(values.Between(1, 60))).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        1 => values.Letters(values.Between(1, 80)),
        2 => Convert.ToBase64String(Encoding.UTF8.GetBytes("12345")).TrimEnd('='),
        _ => values.Pick("", "%", "null", "-1", "{}", new string('A', 600)),
    };
}
