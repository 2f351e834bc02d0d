using System.Security.Cryptography;
using System.Text;

namespace OrderManagement.BuildingBlocks.Web.ApiKeys;

// Holds only SHA-256 hashes of the keys and compares every one of them in constant time,
// so neither a stored key nor the timing of a comparison gives a key away.
internal sealed class ApiKeyStore : IApiKeyLookup
{
    private const string HashPrefix = "sha256:";
    private readonly (string Name, string Role, byte[] Hash)[] _keys;
    private readonly Dictionary<string, string> _stamps;

    public ApiKeyStore(ApiKeyOptions options, bool allowPlainKeys)
    {
        _keys = options.ApiKeys.Select(entry => (entry.Name, entry.Role, HashOf(entry, allowPlainKeys))).ToArray();
        var badRole = _keys.FirstOrDefault(k => k.Role is not (Roles.Storefront or Roles.Operator));
        if (badRole.Name is not null)
        {
            throw new InvalidOperationException($"API key '{badRole.Name}' has role '{badRole.Role}'; use '{Roles.Storefront}' or '{Roles.Operator}'.");
        }

        _stamps = _keys.GroupBy(k => k.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, StampOf, StringComparer.Ordinal);
    }

    public (string Name, string Role)? Find(string presentedKey)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        (string Name, string Role)? match = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, key.Hash))
            {
                match = (key.Name, key.Role);
            }
        }

        return match;
    }

    public string? SecurityStamp(string name) => _stamps.GetValueOrDefault(name);

    public static bool IsWellFormedHash(string hash) =>
        hash.StartsWith(HashPrefix, StringComparison.Ordinal) && hash.Length == HashPrefix.Length + 64 && hash[HashPrefix.Length..].All(char.IsAsciiHexDigit);

    public static string HashForConfiguration(string key) =>
        HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // A hash of the keys' hashes and roles: it gives away nothing about a key, and it goes only into encrypted cookies.
    private static string StampOf(IEnumerable<(string Name, string Role, byte[] Hash)> keys) =>
        Convert.ToHexStringLower(SHA256.HashData(keys.SelectMany(k => Encoding.UTF8.GetBytes(k.Role + ":").Concat(k.Hash)).ToArray()));

    private static byte[] HashOf(ApiKeyEntry entry, bool allowPlainKeys)
    {
        if (entry.KeyHash is { } hash)
        {
            if (!IsWellFormedHash(hash))
            {
                throw new InvalidOperationException($"API key '{entry.Name}': KeyHash must be 'sha256:' followed by 64 hex digits.");
            }

            return Convert.FromHexString(hash[HashPrefix.Length..]);
        }

        if (entry.Key is { Length: > 0 } key && allowPlainKeys)
        {
            return SHA256.HashData(Encoding.UTF8.GetBytes(key));
        }

        throw new InvalidOperationException(
            $"API key '{entry.Name}' has no KeyHash. Outside Development keys are configured only as hashes: KeyHash = {HashPrefix}<sha256 hex of the key>.");
    }
}
