using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.Host.OpenApi;

// Declares the X-Api-Key scheme and, on every operation that requires a key, the requirement, the roles that may
// call it and the 401/403 answers; every body can also be malformed (400), too large (413) or not JSON (415).
internal sealed class ApiKeySecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private static readonly string[] AllRoles = [Roles.Storefront, Roles.Operator];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        AddScheme(document);
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (operation.RequestBody is not null)
        {
            ProblemResponse.Add(operation, context.Document, 400, "The body is not valid JSON for this endpoint, or a field is invalid.");
            ProblemResponse.Add(operation, context.Document, 413, "The body is larger than 256 KiB.");
            ProblemResponse.Add(operation, context.Document, 415, "The body is not application/json.");
        }

        var roles = metadata.OfType<AuthorizationPolicy>()
            .SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>())
            .SelectMany(r => r.AllowedRoles)
            .Distinct()
            .ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || roles.Count == 0 || context.Document is not { } document)
        {
            return Task.CompletedTask;
        }

        AddScheme(document);
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        operation.Description = $"{operation.Description}{(operation.Description is null ? "" : "\n\n")}Roles: {string.Join(", ", roles)}.".TrimStart();
        ProblemResponse.Add(operation, context.Document, 401, "The X-Api-Key header is missing or holds an unknown key.");
        if (!AllRoles.All(roles.Contains))
        {
            ProblemResponse.Add(operation, context.Document, 403, $"The key is known but its role may not call this endpoint (allowed: {string.Join(", ", roles)}).");
        }

        ProblemResponse.Add(operation, context.Document, 503, "The service is starting or cannot reach its database; retry after the Retry-After seconds.");
        return Task.CompletedTask;
    }

    private static void AddScheme(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = HeaderName,
            Description = "An API key from configuration. Roles: storefront, operator. Missing or unknown key: 401; known key, wrong role: 403.",
        });
    }
}
