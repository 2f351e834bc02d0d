using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderManagement.BuildingBlocks;

public static class ValidatedOptions
{
    // Binds the configuration section to T and checks every rule when the host starts (ValidateOnStart), before any
    // hosted service runs or the server listens: a bad value stops the start with OptionsValidationException, whose
    // message names the key ("Messaging:MaxAttempts must be at least 1"). Unconvertible values ("ten" for a number)
    // fail the same way, named by the configuration binder.
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section, params Rule<T>[] rules)
        where T : class
    {
        var builder = services.AddOptions<T>().BindConfiguration(section);
        foreach (var rule in rules)
        {
            builder.Validate(rule.Holds, $"{section}:{rule.Key} {rule.Requirement}.");
        }

        return builder.ValidateOnStart();
    }

    public sealed record Rule<T>(string Key, Func<T, bool> Holds, string Requirement);

    public static Rule<T> Positive<T>(string key, Func<T, TimeSpan> value) => new(key, o => value(o) > TimeSpan.Zero, "must be a positive duration (hh:mm:ss)");

    public static Rule<T> AtLeast<T>(string key, Func<T, int> value, int minimum) => new(key, o => value(o) >= minimum, $"must be at least {minimum}");
}
