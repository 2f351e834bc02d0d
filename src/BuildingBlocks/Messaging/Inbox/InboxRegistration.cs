using Microsoft.Extensions.DependencyInjection;

namespace OrderManagement.BuildingBlocks.Messaging.Inbox;

internal static class InboxRegistration
{
    public static IServiceCollection AddInboxPurge(this IServiceCollection services)
    {
        services.AddValidatedOptions(InboxOptions.Section,
            new ValidatedOptions.Rule<InboxOptions>(nameof(InboxOptions.Retention), o => o.Retention >= TimeSpan.FromMinutes(1), "must be at least 00:01:00"),
            new ValidatedOptions.Rule<InboxOptions>(nameof(InboxOptions.PurgeInterval), o => o.PurgeInterval >= TimeSpan.FromSeconds(1), "must be at least 00:00:01"));
        services.AddSingleton<InboxPurge>();
        services.AddHostedService<InboxPurger>();
        return services;
    }
}
