using System.Text;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;

namespace OrderManagement.Host.Tests.Api.Fuzz;

// Random bad place-order requests: a valid random body with one thing broken, each with the answer it must get.
public sealed class PlaceOrderFuzzer(RandomValues values, string storefrontKey)
{
    private const string Path = "/api/v1/orders";
    private static readonly string[] TextFields =
        ["customerId", "currency", "shippingAddress.name", "shippingAddress.line1", "shippingAddress.city",
         "shippingAddress.postalCode", "shippingAddress.country", "payment.method", "payment.token"];

    public RawRequest Next()
    {
        var body = ValidBody();
        var request = values.Random.Next(16) switch
        {
            0 or 1 => MissingOrNull(body, remove: true),
            2 or 3 => MissingOrNull(body, remove: false),
            4 or 5 => WrongType(body),
            6 or 7 or 8 => InvalidValue(body),
            9 => LoneSurrogate(body),
            10 => InvalidUtf8(body),
            11 => Truncated(body),
            12 => Garbage(),
            13 => WrongRoot(body),
            14 => WrongContentType(body),
            _ => values.Chance(0.5) ? IdempotencyKeyTooLong(body) : BrokenDocument(body),
        };
        return request.IdempotencyKey is null && values.Chance(0.3) ? request with { IdempotencyKey = Guid.NewGuid().ToString() } : request;
    }

    public JsonObject ValidBody()
    {
        var lines = new JsonArray();
        var count = values.Between(1, 3);
        for (var i = 0; i < count; i++)
        {
            lines.Add(new JsonObject
            {
                ["sku"] = $"SKU-{i}-{values.Letters(6)}",
                ["quantity"] = values.Between(1, 1000),
                ["unitPrice"] = values.ValidPrice(),
            });
        }

        return new JsonObject
        {
            ["customerId"] = "cust-" + values.Letters(values.Between(1, 40)),
            ["currency"] = values.Pick("EUR", "USD", "GBP"),
            ["lines"] = lines,
            ["shippingAddress"] = new JsonObject
            {
                ["name"] = "Ada Lovelace",
                ["line1"] = "1 Main St",
                ["line2"] = values.Chance(0.5) ? null : "Flat 2",
                ["city"] = "London",
                ["postalCode"] = "N1 9GU",
                ["country"] = values.Pick("GB", "US", "DE", "FR"),
            },
            ["payment"] = new JsonObject { ["method"] = "card", ["token"] = values.Pick("tok_visa", "tok_mastercard", "tok_declined") },
        };
    }

    private RawRequest Case(string name, byte[] body, int status, string? key = null) =>
        new(name, HttpMethod.Post, Path, storefrontKey, status) { Body = body, ErrorKey = key };

    private string Line(JsonObject body) => $"lines[{values.Random.Next(body["lines"]!.AsArray().Count)}]";

    private RawRequest MissingOrNull(JsonObject body, bool remove)
    {
        var path = values.Random.Next(5) switch
        {
            0 => values.Pick("lines", "shippingAddress", "payment"),
            1 => remove ? Line(body) + ".sku" : Line(body),
            2 => Line(body) + values.Pick(".sku", ".quantity", ".unitPrice"),
            _ => values.Pick(TextFields),
        };
        if (remove)
        {
            JsonEdit.Remove(body, path);
        }
        else
        {
            JsonEdit.Set(body, path, null);
        }

        return Case(remove ? $"missing {path}" : $"null {path}", JsonEdit.Bytes(body), 400, path);
    }

    private RawRequest WrongType(JsonObject body)
    {
        var (path, raw) = values.Random.Next(5) switch
        {
            0 => (values.Pick(TextFields), values.Pick("123", "true", "[]", "{}", "1.5", "[\"a\"]")),
            1 => (Line(body) + ".sku", values.Pick("42", "false", "{}", "[]")),
            2 => (Line(body) + ".quantity", values.Pick("\"2\"", "2.5", "true", "[]", "{}", "99999999999", "\"\"", "-0.5", "1e3")),
            3 => (Line(body) + ".unitPrice", values.Pick("\"19.99\"", "true", "[]", "{}", "1e400", "\"\"")),
            _ => values.Pick<(string, string)>(
                ("shippingAddress", values.Pick("\"x\"", "1", "true", "[]")),
                ("payment", values.Pick("\"card\"", "1", "false", "[]")),
                ("lines", values.Pick("\"x\"", "1", "{}", "true")),
                (Line(body), values.Pick("\"x\"", "1", "[]", "true"))),
        };
        return Case($"wrong type {path}={raw}", JsonEdit.WithRaw(body, path, raw), 400, path);
    }

    private RawRequest InvalidValue(JsonObject body)
    {
        var line = Line(body);
        var (path, raw) = values.Random.Next(14) switch
        {
            0 => ("customerId", Quote(values.Pick("", "   ", values.Letters(values.Between(65, 300)), "cust\\u0000x"))),
            1 => ("currency", Quote(values.Pick("", "eur", "EURO", "EU", "ZZZ", "\\u20ac", values.Letters(3).ToLowerInvariant()))),
            2 => (line + ".sku", Quote(values.Pick("", " ", "has space", "bad@sku", "\\u00c4\\u00d6", "a/b", values.Letters(values.Between(65, 100))))),
            3 => (line + ".quantity", values.Pick("0", "-1", "1001", values.Between(1001, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
                values.Between(int.MinValue, 0).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            4 => (line + ".unitPrice", values.Pick("0", "-1", "-0.01", "1000000.01", "1000001", "0.001", values.ThreeDecimals())),
            5 => ("shippingAddress.name", Quote(values.Pick("", "  ", values.Letters(values.Between(201, 300))))),
            6 => ("shippingAddress.line1", Quote(values.Pick("", "  ", values.Letters(values.Between(201, 300))))),
            7 => ("shippingAddress.line2", Quote(values.Pick(values.Letters(values.Between(201, 300)), "a\\u0000b"))),
            8 => ("shippingAddress.city", Quote(values.Pick("", "  ", values.Letters(values.Between(101, 200))))),
            9 => ("shippingAddress.postalCode", Quote(values.Pick("", "  ", values.Letters(values.Between(21, 60))))),
            10 => ("shippingAddress.country", Quote(values.Pick("", "gb", "GBR", "UK", "G", "12", "EU", "ZZ"))),
            11 => ("payment.method", Quote(values.Pick("", "paypal", "CARD", "Card", "card "))),
            12 => ("payment.token", Quote(values.Pick("", "  ", values.Letters(values.Between(129, 200))))),
            _ => ("lines", LinesRaw(body)),
        };
        return Case($"invalid {path}", JsonEdit.WithRaw(body, path, raw), 400, path);
    }

    // No lines, more than 100, or one SKU twice.
    private string LinesRaw(JsonObject body)
    {
        var lines = body["lines"]!.AsArray();
        switch (values.Random.Next(3))
        {
            case 0:
                return "[]";
            case 1:
                var many = new JsonArray();
                for (var i = 0; i < values.Between(101, 120); i++)
                {
                    many.Add(new JsonObject { ["sku"] = $"MANY-{i}", ["quantity"] = 1, ["unitPrice"] = 1.5m });
                }

                return many.ToJsonString();
            default:
                var twice = lines.DeepClone().AsArray();
                twice.Add(new JsonObject { ["sku"] = lines[0]!["sku"]!.GetValue<string>(), ["quantity"] = 1, ["unitPrice"] = 2m });
                return twice.ToJsonString();
        }
    }

    private RawRequest LoneSurrogate(JsonObject body)
    {
        var path = values.Chance(0.8) ? values.Pick(TextFields) : Line(body) + ".sku";
        var raw = Quote(values.Pick("\\ud800", "\\udfff", "abc\\ud83d", "\\ude00x", "\\ud83d\\ud83d", "x\\udbff"));
        return Case($"lone surrogate {path}", JsonEdit.WithRaw(body, path, raw), 400, path);
    }

    private RawRequest InvalidUtf8(JsonObject body)
    {
        var path = values.Pick(TextFields);
        byte[] bad = values.Pick<byte[]>([0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]);
        return Case($"invalid UTF-8 {path}", JsonEdit.WithRaw(body, path, [(byte)'"', (byte)'a', .. bad, (byte)'b', (byte)'"']), 400, path);
    }

    private RawRequest Truncated(JsonObject body)
    {
        var bytes = JsonEdit.Bytes(body);
        var length = values.Between(1, bytes.Length - 1);
        return Case($"truncated at {length}", bytes[..length], 400);
    }

    private RawRequest Garbage()
    {
        var length = values.Between(1, 200);
        var bytes = values.Chance(0.5) ? values.Bytes(length) : Encoding.ASCII.GetBytes(values.Letters(length));
        return Case("garbage", bytes, 400);
    }

    private RawRequest WrongRoot(JsonObject body)
    {
        var json = values.Pick("[]", "[" + body.ToJsonString() + "]", "\"order\"", "42", "true", "null", "{}", "[{}]");
        return Case($"root {json[..Math.Min(json.Length, 10)]}", Encoding.UTF8.GetBytes(json), 400, json == "{}" ? "customerId" : null);
    }

    private RawRequest WrongContentType(JsonObject body) =>
        Case("content type", JsonEdit.Bytes(body), 415) with
        {
            ContentType = values.Pick<string?>("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/octet-stream", "text/html; charset=utf-8", null),
        };

    private RawRequest IdempotencyKeyTooLong(JsonObject body) =>
        Case("idempotency key too long", JsonEdit.Bytes(body), 400) with { IdempotencyKey = values.Letters(values.Between(256, 1000)) };

    private RawRequest BrokenDocument(JsonObject body)
    {
        var json = body.ToJsonString();
        var broken = values.Random.Next(5) switch
        {
            0 => json + values.Pick("x", "}", "{}", ",", " 1"),
            1 => json.Replace("\"currency\":", "\"currency\":\"EUR\",\"currency\":", StringComparison.Ordinal),
            2 => "",
            3 => new string(' ', values.Between(1, 20)),
            _ => json.Replace(":", "=", StringComparison.Ordinal),
        };
        return Case("broken document", Encoding.UTF8.GetBytes(broken), 400);
    }

    private static string Quote(string escapedText) => '"' + escapedText + '"';
}
