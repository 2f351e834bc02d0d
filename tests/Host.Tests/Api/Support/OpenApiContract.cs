using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrderManagement.Host.Tests.Api.Support;

// What the contract (shared/api-contract.md) requires of /openapi/v1.json, and a checker that lists every gap.
// Status codes come from the contract's tables and conventions: every /api endpoint answers 401 for a missing key,
// single-role endpoints 403 for the other role, place-order and cancel carry the idempotency codes (400 bad key,
// 409 in progress, 422 key reused), and endpoints that validate a body or query answer 400.
public static class OpenApiContract
{
    private static readonly string[] Operator = ["operator"];
    private static readonly string[] Both = ["storefront", "operator"];

    public static readonly IReadOnlyList<(string Method, string Path, int[] Statuses, string[] Roles)> Operations =
    [
        ("put", "/api/v1/inventory/{sku}", [200, 400, 409], Operator),
        ("get", "/api/v1/inventory/{sku}", [200, 404], Both),
        ("post", "/api/v1/orders", [202, 400, 409, 413, 422], ["storefront"]),
        ("get", "/api/v1/orders/{orderId}", [200, 304, 404], Both),
        ("get", "/api/v1/orders", [200, 400], Both),
        ("post", "/api/v1/orders/{orderId}/cancel", [200, 202, 400, 404, 409, 422], Both),
        ("get", "/api/v1/orders/{orderId}/history", [200, 404], Both),
        ("post", "/api/v1/orders/{orderId}/review/approve", [200, 400, 404, 409], Operator),
        ("post", "/api/v1/orders/{orderId}/review/reject", [200, 400, 404, 409], Operator),
        ("get", "/api/v1/shipments/{shipmentId}", [200, 404], Operator),
        ("post", "/api/v1/shipments/{shipmentId}/dispatch", [202, 400, 404, 409], Operator),
        ("post", "/api/v1/shipments/{shipmentId}/deliver", [202, 404, 409], Operator),
        ("get", "/api/v1/payments/{paymentId}", [200, 404], Operator),
        ("get", "/api/v1/ops/sagas", [200, 400], Operator),
        ("get", "/api/v1/ops/sagas/{orderId}", [200, 404], Operator),
        ("post", "/api/v1/ops/sagas/{orderId}/retry", [202, 400, 404, 409], Operator),
        ("get", "/api/v1/ops/dead-letters", [200, 400], Operator),
        ("post", "/api/v1/ops/dead-letters/{id}/replay", [202, 400, 404], Operator),
        ("get", "/health/live", [200], []),
        ("get", "/health/ready", [200, 503], []),
    ];

    public static readonly IReadOnlyList<(string Schema, string Property, string[] Values)> Enums =
    [
        ("OrderView", "status", Representation.OrderStatuses),
        ("OrderView", "rejectionReason", Representation.RejectionReasons),
        ("OrderView", "paymentStatus", Representation.PaymentStatuses),
        ("OrderView", "shipmentStatus", Representation.ShipmentStatuses),
        ("SagaView", "status", Representation.SagaStatuses),
        ("SagaView", "currentStep", Representation.SagaSteps),
        ("ShipmentView", "status", Representation.ShipmentStatuses),
        ("PaymentView", "status", Representation.PaymentStatuses),
        ("HistoryEntryView", "module", Representation.Modules),
        ("StallView", "sagaStatus", Representation.SagaStatuses),
        ("StallView", "step", Representation.SagaSteps),
        ("StallView", "fromModule", Representation.Modules),
        ("DeadLetterView", "module", Representation.Modules),
        ("ReadinessReport", "status", ["ready", "not-ready"]),
        ("ReadinessCheckResult", "status", ["ready", "not-ready"]),
        ("SettingValue", "kind", ["Integer", "Duration", "Flag", "List"]),
    ];

    // The kind behind the list above (issue 10: statuses are enums up to the JSON edge): every property or query
    // parameter named like a status, step, state, module or kind lists its values (those in Enums are checked above, with
    // their values). The exceptions, and why they are text.
    private static readonly Regex EnumLikeName = new("(status|step|state|module|kind)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] NotEnums =
    [
        "ProblemDetails.status", // the HTTP status code (RFC 9457 3.1.2), a number
        "HttpValidationProblemDetails.status", // the same
        "HistoryEntryView.fromState", // the state of whichever machine the entry is about (order, reservation, payment, ...)
        "HistoryEntryView.toState", // the same
    ];

    private static readonly string[] BodiesRequired = ["post /api/v1/orders", "put /api/v1/inventory/{sku}", "post /api/v1/shipments/{shipmentId}/dispatch"];

    public static List<string> FindGaps(JsonObject document)
    {
        var gaps = new List<string>();
        var scheme = document["components"]?["securitySchemes"]?.AsObject().FirstOrDefault(s =>
            s.Value?["type"]?.GetValue<string>() == "apiKey" && s.Value["in"]?.GetValue<string>() == "header" && s.Value["name"]?.GetValue<string>() == "X-Api-Key");
        if (scheme?.Key is null)
        {
            gaps.Add("no apiKey security scheme for the X-Api-Key header in components.securitySchemes");
        }

        foreach (var (method, path, statuses, roles) in Operations)
        {
            var operation = document["paths"]?[path]?[method];
            if (operation is null)
            {
                gaps.Add($"{method.ToUpperInvariant()} {path} is missing");
                continue;
            }

            var secured = roles.Length > 0;
            var expected = statuses.Concat(secured ? [401] : []).Concat(roles.Length == 1 ? [403] : []);
            foreach (var status in expected)
            {
                var response = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                if (response is null)
                {
                    gaps.Add($"{method.ToUpperInvariant()} {path} does not document {status}");
                }
                else if (status >= 400 && secured && response["content"]?["application/problem+json"] is null)
                {
                    gaps.Add($"{method.ToUpperInvariant()} {path} {status} is not application/problem+json");
                }
            }

            // Without a scheme that gap is reported once above; here any requirement will do.
            if (secured && (operation["security"] is not JsonArray security || !security.Any(r => scheme?.Key is not { } name ? r is JsonObject { Count: > 0 } : r?[name] is not null)))
            {
                gaps.Add($"{method.ToUpperInvariant()} {path} does not require the API key");
            }

            if (BodiesRequired.Contains($"{method} {path}") && operation["requestBody"]?["content"]?["application/json"]?["schema"] is null)
            {
                gaps.Add($"{method.ToUpperInvariant()} {path} has no JSON request body schema");
            }
        }

        foreach (var (schema, property, values) in Enums)
        {
            var actual = EnumHolder(document, document["components"]?["schemas"]?[schema]?["properties"]?[property])?["enum"]?.AsArray()
                .Where(v => v is not null).Select(v => v!.GetValue<string>()).ToList();
            if (actual is null || !actual.SequenceEqual(values))
            {
                gaps.Add($"{schema}.{property} does not list the values {string.Join(", ", values)}");
            }
        }

        foreach (var (schema, definition) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            foreach (var (property, value) in definition?["properties"]?.AsObject() ?? [])
            {
                var listed = NotEnums.Contains($"{schema}.{property}") || Enums.Any(e => e.Schema == schema && e.Property == property);
                if (EnumLikeName.IsMatch(property) && !listed && EnumHolder(document, value) is null)
                {
                    gaps.Add($"{schema}.{property} is text, not an enum");
                }
            }
        }

        foreach (var (path, operations) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operation) in operations?.AsObject() ?? [])
            {
                foreach (var parameter in operation?["parameters"]?.AsArray() ?? [])
                {
                    if (parameter?["name"]?.GetValue<string>() is { } name && EnumLikeName.IsMatch(name) && EnumHolder(document, parameter["schema"]) is null)
                    {
                        gaps.Add($"{method.ToUpperInvariant()} {path} parameter {name} is text, not an enum");
                    }
                }
            }
        }

        return gaps;
    }

    // The schema object that lists a property's or parameter's values: the property itself, or the enum's own schema it
    // refers to ($ref), also through the oneOf/anyOf that makes it nullable. Null when none lists any.
    public static JsonObject? EnumHolder(JsonObject document, JsonNode? schema)
    {
        if (schema is not JsonObject node)
        {
            return null;
        }

        if (node.ContainsKey("enum"))
        {
            return node;
        }

        if (node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
        {
            return EnumHolder(document, document["components"]?["schemas"]?[reference["#/components/schemas/".Length..]]);
        }

        return ((string[])["oneOf", "anyOf", "allOf"])
            .SelectMany(key => node[key] is JsonArray options ? options : [])
            .Select(option => EnumHolder(document, option))
            .FirstOrDefault(holder => holder is not null);
    }
}
