using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Support;

// The /api endpoints as the running host maps them (its EndpointDataSource), so a table over "every endpoint"
// picks up an endpoint added later without anyone editing the table.
public sealed record AppEndpoint(string Method, RouteEndpoint Endpoint)
{
    public string Pattern => "/" + Endpoint.RoutePattern.RawText!.Trim('/');

    public IAcceptsMetadata? Accepts => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>();

    public bool ReadsBody => Accepts?.RequestType is not null;

    public IEnumerable<string> GuidParameters => Endpoint.RoutePattern.Parameters
        .Where(p => p.ParameterPolicies.Any(policy => policy.Content == "guid"))
        .Select(p => p.Name);

    public IEnumerable<string> QueryParameters => (Endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
        .Where(p => p.Name is not null && Endpoint.RoutePattern.GetParameter(p.Name) is null
            && (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var t && (t == typeof(string) || t.IsPrimitive))
        .Select(p => p.Name!);

    // The request body's top-level field names as a client writes them (camelCase).
    public IReadOnlyList<string> BodyFields => Accepts?.RequestType is { } type
        ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList()
        : [];

    public string ApiKey
    {
        get
        {
            var roles = Endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()
                .SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>())
                .SelectMany(r => r.AllowedRoles).ToList();
            return roles.Count == 0 || roles.Contains("operator") ? ApiFactory.OperatorKey : ApiFactory.StorefrontKey;
        }
    }

    // A concrete path: route values filled in (ids as given, other values as sampleText), query left empty.
    public string PathWith(Func<string, string>? valueFor = null) =>
        "/" + string.Join('/', Endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => valueFor?.Invoke(parameter.Name) ?? DefaultValue(parameter),
            _ => throw new InvalidOperationException($"unexpected route part in {Pattern}"),
        }))));

    public override string ToString() => $"{Method} {Pattern}";

    private static string DefaultValue(Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString() : "EDGE-SKU-1";

    public static IReadOnlyList<AppEndpoint> Api(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new AppEndpoint(m, e)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
}
