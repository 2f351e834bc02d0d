using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Ordering.Tests.Model;

namespace OrderManagement.Ordering.Tests;

// Model-based test of the fulfilment saga (issue 9, fault 2): random interleavings of module answers, repeated answers,
// deadlines, dead letters, cancels, operator retries and review decisions (an order held for review in a third of them), with the contract's invariants checked after every step and
// the order's end checked once everything has settled. OM_MODEL_RUNS sets the number of scenarios (default 25);
// a failure prints the shrunk scenario, its step-by-step trace and the seed to replay it.
public sealed class FulfilmentModelTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable("OM_MODEL_RUNS"), out var runs) ? runs : 25;

    [Fact]
    public void Given_any_interleaving_of_answers_faults_cancels_and_retries_Then_the_contract_invariants_hold_after_every_step()
    {
        var context = new ModelContext(Host, Clock, UntilDueMessagesDeliveredAsync);
        var property = Prop.ForAll(Scenario.Arbitrary, scenario => RunAsync(context, scenario).GetAwaiter().GetResult());

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }

    private async Task RunAsync(ModelContext context, Scenario scenario)
    {
        // The rules are read when the review step runs, so they stay on for the whole scenario.
        ReviewEveryOrder(scenario.Review);
        try
        {
            var order = await PlaceOrderAsync();
            var world = new ModelWorld(order.OrderId, scenario.InStock, scenario.Payment);
            await new SagaModelRun(context, order.OrderId, world, scenario.Review).RunAsync(scenario);
        }
        finally
        {
            ReviewEveryOrder(false);
        }
    }

    // The review rules are live settings: changed in the configuration and reloaded, as the settings table does.
    private void ReviewEveryOrder(bool on)
    {
        var configuration = (IConfigurationRoot)Host.Services.GetRequiredService<IConfiguration>();
        configuration["Review:Enabled"] = on ? "true" : "false";
        configuration["Review:TotalThreshold"] = "0";
        configuration.Reload();
    }
}
