namespace OrderManagement.Host.OpenApi;

// The document's maps are null until something is added to them; a missing map reads as a missing key.
internal static class OpenApiLookup
{
    internal static TValue? Lookup<TValue>(IDictionary<string, TValue>? dictionary, string key) =>
        dictionary is not null && dictionary.TryGetValue(key, out var value) ? value : default;
}
