using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace OrderManagement.Host.Tests.Api.Support;

// Reads the examples of /openapi/v1.json and checks them: against their own schema (JSON Schema 2020-12, which
// OpenAPI 3.1 uses) and, for orders, against the contract's rules that a schema cannot say.
public static class OpenApiExamples
{
    public sealed record Example(string Operation, string Where, JsonNode Body, JsonNode Schema);

    public static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (operation.Key, path.Key, operation.Value!.AsObject());

    public static IEnumerable<Example> All(JsonObject document)
    {
        foreach (var (method, path, operation) in Operations(document))
        {
            foreach (var media in operation["requestBody"]?["content"]?.AsObject() ?? new JsonObject())
            {
                if (media.Value?["example"] is { } body)
                {
                    yield return new Example($"{method} {path}", $"request {media.Key}", body, media.Value["schema"]!);
                }
            }

            foreach (var response in operation["responses"]?.AsObject() ?? new JsonObject())
            {
                foreach (var media in response.Value?["content"]?.AsObject() ?? new JsonObject())
                {
                    if (media.Value?["example"] is { } body)
                    {
                        yield return new Example($"{method} {path}", $"{response.Key} {media.Key}", body, media.Value["schema"]!);
                    }
                }
            }
        }
    }

    public static List<string> SchemaErrors(JsonObject document, Example example)
    {
        var schema = JsonNode.Parse(example.Schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = JsonNode.Parse(document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
        var built = JsonSchema.FromText(schema.ToJsonString(), BuildOptions.Default, new Uri($"https://ordermanagement.example/examples/{Guid.NewGuid():N}"));
        using var instance = JsonDocument.Parse(example.Body.ToJsonString());
        var results = built.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{example.Operation} {example.Where}: {d.InstanceLocation} {e.Value}"))
                .DefaultIfEmpty($"{example.Operation} {example.Where}: invalid")
                .ToList();
    }

    // An order's figures and statuses must agree with each other (shared/api-contract.md, Orders).
    public static List<string> OrderInconsistencies(Example example)
    {
        var problems = new List<string>();
        // A return's refund is its received units times their unit prices (docs/adr/0020).
        foreach (var @return in Objects(example.Body).Where(o => o.ContainsKey("returnId")))
        {
            var refund = @return["lines"]!.AsArray().Sum(l => (l!["receivedQuantity"]?.GetValue<int>() ?? 0) * l["unitPrice"]!.GetValue<decimal>());
            if (@return["refundAmount"] is { } amount && amount.GetValue<decimal>() != refund)
            {
                problems.Add($"{example.Operation} {example.Where}: refundAmount {amount} is not the received units x unitPrice ({refund})");
            }
        }

        foreach (var order in Objects(example.Body).Where(o => o.ContainsKey("orderId") && o.ContainsKey("rejectionReason") && !o.ContainsKey("returnId")))
        {
            var where = $"{example.Operation} {example.Where}";
            var status = order["status"]?.GetValue<string>();
            if ((status == "Rejected") != (order["rejectionReason"] is not null))
            {
                problems.Add($"{where}: status {status} with rejectionReason {order["rejectionReason"]?.ToJsonString() ?? "null"}");
            }

            var lines = order["lines"]!.AsArray().Select(l => l!).ToList();
            foreach (var line in lines.Where(l => l["quantity"]!.GetValue<decimal>() * l["unitPrice"]!.GetValue<decimal>() != l["lineTotal"]!.GetValue<decimal>()))
            {
                problems.Add($"{where}: lineTotal {line["lineTotal"]} is not quantity x unitPrice");
            }

            if (lines.Sum(l => l["lineTotal"]!.GetValue<decimal>()) != order["total"]!.GetValue<decimal>())
            {
                problems.Add($"{where}: total {order["total"]} is not the sum of the line totals");
            }

            foreach (var (id, state) in new[] { ("paymentId", "paymentStatus"), ("shipmentId", "shipmentStatus") })
            {
                if ((order[id] is null) != (order[state] is null))
                {
                    problems.Add($"{where}: {id} and {state} must be both null or both set");
                }
            }

            if (status == "Pending" && order["version"]!.GetValue<int>() == 1 && (order["paymentId"] is not null || order["shipmentId"] is not null))
            {
                problems.Add($"{where}: a just placed order has no payment or shipment yet");
            }
        }

        return problems;
    }

    // A property listed as required may not admit null: the client has to send a value.
    public static List<string> NullableRequiredRequestFields(JsonObject document)
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        var pending = new Queue<string>(Operations(document)
            .SelectMany(o => o.Operation["requestBody"]?["content"]?.AsObject().Select(m => m.Value!["schema"]!) ?? [])
            .SelectMany(References));
        var seen = new HashSet<string>();
        var found = new List<string>();
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name) || schemas[name] is not JsonObject schema)
            {
                continue;
            }

            var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            foreach (var (property, value) in schema["properties"]?.AsObject() ?? new JsonObject())
            {
                References(value!).ToList().ForEach(pending.Enqueue);
                if (required.Contains(property) && AdmitsNull(value!))
                {
                    found.Add($"{name}.{property}");
                }
            }
        }

        return found;
    }

    private static bool AdmitsNull(JsonNode schema) =>
        schema["type"] is JsonArray types ? types.Any(t => t!.GetValue<string>() == "null")
        : schema["type"]?.GetValue<string>() == "null" || (schema["oneOf"]?.AsArray().Any(s => AdmitsNull(s!)) ?? false);

    private static IEnumerable<string> References(JsonNode schema) =>
        Objects(schema).Select(o => o["$ref"]?.GetValue<string>()).OfType<string>()
            .Select(r => r.Split('/')[^1]);

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Objects(p.Value))],
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
