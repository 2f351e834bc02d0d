using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrderManagement.BuildingBlocks.Web.ApiKeys;

// Runs when the host starts (ValidateOnStart), so a bad key list stops the start naming the entry's key, instead of
// a host that reports healthy and fails every authenticated request.
internal sealed class ApiKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            var key = $"{ApiKeyOptions.Section}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                failures.Add($"{key}:Name is required.");
            }

            if (entry.Role is not (Roles.Storefront or Roles.Operator))
            {
                failures.Add($"{key}:Role is '{entry.Role}'; use '{Roles.Storefront}' or '{Roles.Operator}'.");
            }

            if (entry.KeyHash is { } hash)
            {
                if (!ApiKeyStore.IsWellFormedHash(hash))
                {
                    failures.Add($"{key}:KeyHash must be 'sha256:' followed by 64 hex digits.");
                }
            }
            else if (entry.Key is not { Length: > 0 })
            {
                failures.Add($"{key} has neither KeyHash nor Key; set {key}:KeyHash = sha256:<hex of the key's SHA-256>.");
            }
            else if (!environment.IsDevelopment())
            {
                failures.Add($"{key}:Key is a plain key, accepted only in Development; set {key}:KeyHash = sha256:<hex of the key's SHA-256> instead.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
