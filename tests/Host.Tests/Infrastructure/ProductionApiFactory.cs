using Microsoft.AspNetCore.Hosting;

namespace OrderManagement.Host.Tests.Infrastructure;

// The real host in the Production environment: the same keys as Development, configured the way Production
// requires (hashes only), so the same requests can be sent to both.
public sealed class ProductionApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = ProductionKeys();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    public static Dictionary<string, string?> ProductionKeys() => new()
    {
        ["Auth:ApiKeys:0:Name"] = "storefront",
        ["Auth:ApiKeys:0:Role"] = "storefront",
        ["Auth:ApiKeys:0:KeyHash"] = ApiKeyHash(StorefrontKey),
        ["Auth:ApiKeys:1:Name"] = "operator",
        ["Auth:ApiKeys:1:Role"] = "operator",
        ["Auth:ApiKeys:1:KeyHash"] = ApiKeyHash(OperatorKey),
    };

    private static string ApiKeyHash(string key) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
