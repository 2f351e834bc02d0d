using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Payments.Contracts;
using static OrderManagement.Ordering.Operations.Stalls.StallDetection;

namespace OrderManagement.Ordering.Operations.Stalls;

// The words for what happens next to a stalled order without an operator.
internal static class StallNextWords
{
    // What is pending outside the saga: Payments' own retries, and messages still in line.
    public static List<string> ByItself(StallOutlook outlook, DateTimeOffset now)
    {
        var words = new List<string>();
        // A payment Pending with no attempt due waits for its AuthorizePayment message: that is in line below, or dead-lettered.
        if (outlook.Payment is { Status: PaymentStatus.Pending, NextAttemptAt: { } at } payment)
        {
            words.Add($"Payments keeps calling the payment provider (provider attempts {payment.Attempts} of {payment.MaxAttempts} so far; the next {When(at, now)}): " +
                $"if it authorizes the payment the order goes on, and if all {payment.MaxAttempts} provider attempts fail the order is rejected (PaymentFailed)");
        }

        if (outlook.InLine.Count > 0)
        {
            var first = outlook.InLine.MinBy(m => m.AvailableAt)!;
            var count = outlook.InLine.Count == 1 ? "1 message" : $"{outlook.InLine.Count} messages";
            words.Add($"{count} about it still to be delivered (first: {first.MessageType} to {first.To}, " +
                $"{(first.AvailableAt > now ? "due " + When(first.AvailableAt, now) : "being delivered now")}) may move it on");
        }

        return words;
    }

    // What the saga's deadline does when it passes.
    public static string AtDeadline(SagaWait wait, StallOutlook outlook, DateTimeOffset now)
    {
        if (wait.NextAttemptAt is not { } at)
        {
            return "";
        }

        if (at <= now)
        {
            return "; its deadline has passed and is being handled now";
        }

        var step = SagaDefinition.Of(wait.Step);
        if (step.OnDeadline is not null && wait.Status == SagaStatus.Running)
        {
            return wait.Step == SagaStep.ReviewOrder
                ? $"; with no decision by {Time(at)} (in {Duration(at - now)}) the order is rejected"
                : $"; with no answer by {Time(at)} (in {Duration(at - now)}) its deadline answers for it";
        }

        return outlook.MaxStepAttempts == 0 || wait.Attempts < outlook.MaxStepAttempts
            ? $"; {step.CommandType.Name} is sent again {When(at, now)} (step attempt {wait.Attempts + 1}{(outlook.MaxStepAttempts > 0 ? $" of {outlook.MaxStepAttempts}" : "")}) unless the answer arrives"
            : $"; with no answer by {Time(at)} (in {Duration(at - now)}) the saga fails and waits for an operator";
    }

    private static string When(DateTimeOffset at, DateTimeOffset now) =>
        at > now ? $"at {Time(at)} (in {Duration(at - now)})" : "now";
}
