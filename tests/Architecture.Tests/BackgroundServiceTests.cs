using System.Reflection;
using Microsoft.Extensions.Hosting;
using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.BuildingBlocks.Lifecycle;

namespace OrderManagement.Architecture.Tests;

// Every background service derives from BackgroundLoop, so a stop (a failed start on a busy port included) is never
// reported as its failure with a stack trace (issue 15 point 2; HostBusyPortTests sees the output).
public sealed class BackgroundServiceTests
{
    [Fact]
    public void Given_the_solution_assemblies_When_listing_background_services_Then_each_derives_from_BackgroundLoop()
    {
        var assemblies = SolutionModules.All.Select(m => m.Implementation).Append(typeof(BackgroundLoop).Assembly);

        var services = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(BackgroundService).IsAssignableFrom(t))
            .ToList();

        services.Count.ShouldBeGreaterThanOrEqualTo(6, "the rule must see the services it guards");
        services.Where(t => !typeof(BackgroundLoop).IsAssignableFrom(t)).Select(t => t.FullName).ShouldBeEmpty();
    }
}
