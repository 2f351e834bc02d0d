namespace OrderManagement.BuildingBlocks.Web.ApiKeys;

// Checks a presented key against the configured ones (Auth:ApiKeys), in constant time.
// Returns the key's Name and Role (Roles.Storefront or Roles.Operator), or null for an unknown key.
public interface IApiKeyLookup
{
    (string Name, string Role)? Find(string presentedKey);

    // A value that changes when the key of that name is removed, replaced or given another role; null when no key has the
    // name. A console session keeps the stamp it was made with and ends when the stamp changes.
    string? SecurityStamp(string name);
}
