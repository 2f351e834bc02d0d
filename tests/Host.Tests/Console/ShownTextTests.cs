using OrderManagement.Host.Console;

namespace OrderManagement.Host.Tests.Console;

// Issue 11 (review, defect 3b): last errors showed raw ISO timestamps and the audit durations as "00:00:12".
public sealed class ShownTextTests
{
    [Theory]
    [InlineData("Sandbox outage for tok_outage until 2026-12-02T02:32:09.1458330+00:00: the provider failed.",
        "Sandbox outage for tok_outage until 2026-12-02 02:32:09 UTC: the provider failed.")]
    [InlineData("rejected at 2026-12-02T02:32:09Z unless an operator decides", "rejected at 2026-12-02 02:32:09 UTC unless an operator decides")]
    [InlineData("Stalls:ReserveStock: 00:00:30 → 00:04:03", "Stalls:ReserveStock: 30 s → 4 min 3 s")]
    [InlineData("Fulfilment:StepDeadline: 00:00:12 → 01:30:00", "Fulfilment:StepDeadline: 12 s → 1 h 30 min")]
    [InlineData("within the allowed timeout of '00:00:00.2000000'.", "within the allowed timeout of '200 ms'.")]
    [InlineData("Fulfilment:ReviewDeadline: 1.02:00:00 → 2.00:00:00", "Fulfilment:ReviewDeadline: 1 d 2 h → 2 d")]
    [InlineData("placed 2026-12-02 02:32:09 UTC, attempt 3 of 10", "placed 2026-12-02 02:32:09 UTC, attempt 3 of 10")]
    [InlineData("Fulfilment:MaxStepAttempts: 3 → 4", "Fulfilment:MaxStepAttempts: 3 → 4")]
    public void Given_recorded_text_When_shown_Then_times_are_the_consoles_and_durations_are_in_words(string recorded, string shown) =>
        ShownText.Of(recorded).ShouldBe(shown);

    [Theory]
    [InlineData(0.2, "200 ms")]
    [InlineData(12, "12 s")]
    [InlineData(243, "4 min 3 s")]
    [InlineData(90.5, "1 min 30.5 s")]
    [InlineData(3600, "1 h")]
    [InlineData(93784, "1 d 2 h 3 min 4 s")]
    public void Given_a_duration_When_shown_Then_in_units_largest_first(double seconds, string shown) =>
        ShownText.Duration(TimeSpan.FromSeconds(seconds)).ShouldBe(shown);
}
