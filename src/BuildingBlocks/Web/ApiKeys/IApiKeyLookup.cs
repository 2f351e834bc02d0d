namespace OrderManagement.BuildingBlocks.Web.ApiKeys;

// Checks a presented key against the configured ones (Auth:ApiKeys), in constant time.
// Returns the key's Name and Role (Roles.Storefront or Roles.Operator), or null for an unknown key.
public interface IApiKeyLookup
{
    (string Name, string Role)? Find(string presentedKey);
}
