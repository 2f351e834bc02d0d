using FsCheck;
using FsCheck.Fluent;
using OrderManagement.Ordering.Tests.Model;

namespace OrderManagement.Ordering.Tests;

// Model-based test of the fulfilment saga (issue 9, fault 2): random interleavings of module answers, repeated answers,
// deadlines, dead letters, cancels and operator retries, with the contract's invariants checked after every step and
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
        var order = await PlaceOrderAsync();
        var world = new ModelWorld(order.OrderId, scenario.InStock, scenario.Payment);
        await new SagaModelRun(context, order.OrderId, world).RunAsync(scenario);
    }
}
