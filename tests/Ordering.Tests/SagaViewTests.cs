using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using Shouldly;

namespace OrderManagement.Ordering.Tests;

// ops/sagas `currentStep` is SagaCurrentStep up to the JSON edge: every step of the saga shows by its own name, and
// None (no step under way) shows as null, so the OpenAPI list and the JSON stay what clients saw when it was a string.
public sealed class SagaViewTests
{
    [Fact]
    public void Given_each_saga_step_When_the_view_shows_it_Then_it_has_the_steps_name_and_None_is_null()
    {
        var steps = Enum.GetValues<SagaStep>();

        var shown = steps.Select(s => (s, SagaView.StepOf(s)?.ToString()));

        shown.ShouldBe(steps.Select(s => (s, s == SagaStep.None ? null : s.ToString())));
        Enum.GetNames<SagaCurrentStep>().ShouldBe(Enum.GetNames<SagaStep>().Where(n => n != nameof(SagaStep.None)));
    }
}
