using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderManagement.BuildingBlocks.Operations.Settings;

public static class SettingsConfiguration
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    // Adds operations.settings as the last (highest priority) configuration source; call after the deployment's sources.
    // The connection string is read from the same configuration when the settings are polled.
    public static IConfigurationManager AddDatabaseSettings(this IConfigurationManager configuration)
    {
        configuration.Sources.Add(new DatabaseSettingsSource(configuration, PollInterval));
        return configuration;
    }

    // Declares a key operators may change at run time (see EditableSetting).
    public static IServiceCollection AddEditableSetting(this IServiceCollection services, EditableSetting setting) =>
        services.AddSingleton(setting);
}
