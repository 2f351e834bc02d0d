using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrderManagement.BuildingBlocks.Web.ApiKeys;

public static class ApiKeyRegistration
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<IOptions<ApiKeyOptions>>().Value, allowPlainKeys: environment.IsDevelopment()));
        services.AddSingleton<IApiKeyLookup>(sp => sp.GetRequiredService<ApiKeyStore>());
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(roles));
}
