using System.Text;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Fuzz;

// The hand-picked cases: each rule of the contract at and just past its boundary, and the malformed inputs
// the issue names, for place-order and for every other endpoint that takes a body.
public static class BadRequestTable
{
    private const string Orders = "/api/v1/orders";

    public static IEnumerable<RawRequest> Cases(string storefrontKey, string operatorKey, string existingSku)
    {
        RawRequest Place(string name, byte[] body, int status, string? key = null) =>
            new(name, HttpMethod.Post, Orders, storefrontKey, status) { Body = body, ErrorKey = key };
        RawRequest PlaceEdited(string name, Action<JsonObject> edit, string key)
        {
            var body = Valid();
            edit(body);
            return Place(name, JsonEdit.Bytes(body), 400, key);
        }

        RawRequest PlaceRaw(string name, string path, string raw, string? key) => Place(name, JsonEdit.WithRaw(Valid(), path, raw), 400, key);

        foreach (var field in (string[])["customerId", "currency", "lines", "shippingAddress", "payment", "lines[0].sku", "lines[0].quantity",
                     "lines[0].unitPrice", "shippingAddress.name", "shippingAddress.line1", "shippingAddress.city", "shippingAddress.postalCode",
                     "shippingAddress.country", "payment.method", "payment.token"])
        {
            yield return PlaceEdited($"missing {field}", b => JsonEdit.Remove(b, field), field);
            yield return PlaceEdited($"null {field}", b => JsonEdit.Set(b, field, null), field);
        }

        yield return PlaceRaw("quantity as string", "lines[0].quantity", "\"2\"", "lines[0].quantity");
        yield return PlaceRaw("unitPrice as string", "lines[0].unitPrice", "\"19.99\"", "lines[0].unitPrice");
        yield return PlaceRaw("customerId as number", "customerId", "42", "customerId");
        yield return PlaceRaw("quantity as fraction", "lines[0].quantity", "2.5", "lines[0].quantity");
        yield return PlaceRaw("unitPrice with 3 decimals", "lines[0].unitPrice", "19.999", "lines[0].unitPrice");
        yield return PlaceRaw("unitPrice 0.001", "lines[0].unitPrice", "0.001", "lines[0].unitPrice");
        yield return PlaceRaw("unitPrice 0", "lines[0].unitPrice", "0", "lines[0].unitPrice");
        yield return PlaceRaw("unitPrice over a million", "lines[0].unitPrice", "1000000.01", "lines[0].unitPrice");
        yield return PlaceRaw("unitPrice 1e400", "lines[0].unitPrice", "1e400", "lines[0].unitPrice");
        yield return PlaceRaw("quantity 0", "lines[0].quantity", "0", "lines[0].quantity");
        yield return PlaceRaw("quantity 1001", "lines[0].quantity", "1001", "lines[0].quantity");
        yield return PlaceRaw("quantity -1", "lines[0].quantity", "-1", "lines[0].quantity");
        yield return Place("second line quantity 0", JsonEdit.WithRaw(Valid(("A-1", 1, 1m), ("B-2", 2, 2m)), "lines[1].quantity", "0"), 400, "lines[1].quantity");
        yield return PlaceRaw("no lines", "lines", "[]", "lines");
        yield return PlaceRaw("101 lines", "lines", Lines(101), "lines");
        yield return Place("duplicate SKUs", JsonEdit.Bytes(Valid(("DUP-1", 1, 1m), ("DUP-1", 2, 2m))), 400, "lines");
        foreach (var sku in (string[])["", "has space", "bad@sku", "ÄÖÜ", new string('S', 65)])
        {
            yield return PlaceEdited($"bad sku '{sku[..Math.Min(sku.Length, 10)]}'", b => JsonEdit.Set(b, "lines[0].sku", sku), "lines[0].sku");
        }

        foreach (var currency in (string[])["", "eur", "EURO", "XYZ", "€"])
        {
            yield return PlaceEdited($"bad currency '{currency}'", b => JsonEdit.Set(b, "currency", currency), "currency");
        }

        foreach (var country in (string[])["", "gb", "GBR", "UK", "ZZ"])
        {
            yield return PlaceEdited($"bad country '{country}'", b => JsonEdit.Set(b, "shippingAddress.country", country), "shippingAddress.country");
        }

        yield return PlaceEdited("65-char customerId", b => JsonEdit.Set(b, "customerId", new string('c', 65)), "customerId");
        yield return PlaceEdited("129-char token", b => JsonEdit.Set(b, "payment.token", new string('t', 129)), "payment.token");
        yield return PlaceEdited("method paypal", b => JsonEdit.Set(b, "payment.method", "paypal"), "payment.method");
        yield return PlaceEdited("NUL in customerId", b => JsonEdit.Set(b, "customerId", "cust\0"), "customerId");
        yield return PlaceRaw("lone surrogate \\ud800", "customerId", "\"\\ud800\"", "customerId");
        yield return PlaceRaw("lone low surrogate in city", "shippingAddress.city", "\"Lon\\udc00don\"", "shippingAddress.city");
        yield return Place("invalid UTF-8 in name", JsonEdit.WithRaw(Valid(), "shippingAddress.name", [(byte)'"', 0xC3, 0x28, (byte)'"']), 400, "shippingAddress.name");
        yield return Place("UTF-8 encoded surrogate in token", JsonEdit.WithRaw(Valid(), "payment.token", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']), 400, "payment.token");
        yield return Place("invalid UTF-8 in an unknown field", JsonEdit.WithRaw(Valid(), "note", [(byte)'"', 0xFF, 0xFE, (byte)'"']), 400, "note");
        yield return PlaceRaw("lone surrogate in an unknown field", "note", "\"gift \\udc00\"", "note");
        yield return Place("lone surrogate in a property name", Encoding.UTF8.GetBytes("{\"\\ud800\":1," + Valid().ToJsonString()[1..]), 400, "$");
        yield return Place("invalid UTF-8 in a property name", [.. "{\""u8, 0xC3, 0x28, .. "\":1,"u8, .. JsonEdit.Bytes(Valid())[1..]], 400, "$");
        yield return new RawRequest("invalid UTF-8 in a stock body", HttpMethod.Put, $"/api/v1/inventory/{existingSku}", operatorKey, 400)
        {
            Body = [.. "{\"onHand\":5,\"note\":\""u8, 0xC3, 0x28, .. "\"}"u8],
            ErrorKey = "note",
        };
        yield return Place("truncated JSON", JsonEdit.Bytes(Valid())[..60], 400);
        yield return Place("garbage", Encoding.UTF8.GetBytes("this is not JSON"), 400);
        yield return Place("array instead of object", Encoding.UTF8.GetBytes("[]"), 400);
        yield return Place("string instead of object", Encoding.UTF8.GetBytes("\"order\""), 400);
        yield return PlaceRaw("string instead of address", "shippingAddress", "\"1 Main St, London\"", "shippingAddress");
        yield return PlaceRaw("object instead of lines", "lines", "{}", "lines");
        yield return PlaceRaw("string instead of line", "lines[0]", "\"TSHIRT\"", "lines[0]");
        yield return PlaceRaw("null line", "lines[0]", "null", "lines[0]");
        yield return Place("empty body", [], 400);
        yield return new RawRequest("no body", HttpMethod.Post, Orders, storefrontKey, 400);
        yield return Place("text/plain", JsonEdit.Bytes(Valid()), 415) with { ContentType = "text/plain" };
        yield return Place("no content type", JsonEdit.Bytes(Valid()), 415) with { ContentType = null };
        yield return Place("Idempotency-Key of 256", JsonEdit.Bytes(Valid()), 400) with { IdempotencyKey = new string('k', 256) };

        // Over 256 KiB, with a declared length and chunked, on every endpoint with a body.
        var big = Encoding.UTF8.GetBytes($"{{\"reason\":\"{new string('r', 270_000)}\",\"customerId\":\"x\",\"onHand\":1,\"carrier\":\"x\"}}");
        foreach (var chunked in (bool[])[false, true])
        {
            var mode = chunked ? "chunked" : "with length";
            yield return Place($"over 256 KiB {mode}", big, 413) with { Chunked = chunked };
            yield return new RawRequest($"cancel over 256 KiB {mode}", HttpMethod.Post, $"{Orders}/{Guid.NewGuid()}/cancel", storefrontKey, 413) { Body = big, Chunked = chunked };
            yield return new RawRequest($"stock over 256 KiB {mode}", HttpMethod.Put, $"/api/v1/inventory/{existingSku}", operatorKey, 413) { Body = big, Chunked = chunked };
            yield return new RawRequest($"dispatch over 256 KiB {mode}", HttpMethod.Post, $"/api/v1/shipments/{Guid.NewGuid()}/dispatch", operatorKey, 413) { Body = big, Chunked = chunked };
        }

        yield return Place("just over 256 KiB", Padded(256 * 1024 + 1), 413);
    }

    public static JsonObject Valid(params (string Sku, int Quantity, decimal UnitPrice)[] lines) => OrderRequests.PlaceOrderBody("tok_visa", lines);

    // A valid order padded with spaces to exactly the given size.
    public static byte[] Padded(int size)
    {
        var json = Valid().ToJsonString();
        return Encoding.UTF8.GetBytes(json[..^1] + new string(' ', size - Encoding.UTF8.GetByteCount(json)) + "}");
    }

    private static string Lines(int count) =>
        new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["sku"] = $"L-{i}", ["quantity"] = 1, ["unitPrice"] = 1m }).ToArray()).ToJsonString();
}
