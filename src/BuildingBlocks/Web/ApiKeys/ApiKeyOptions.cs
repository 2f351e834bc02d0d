namespace OrderManagement.BuildingBlocks.Web.ApiKeys;

public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}

// Outside Development a key is configured only as "sha256:<hex>" in KeyHash; a plain Key is refused at start-up.
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Key { get; set; }
    public string? KeyHash { get; set; }
}
