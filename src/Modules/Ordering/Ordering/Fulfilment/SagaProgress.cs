namespace OrderManagement.Ordering.Fulfilment;

// Whether a saga has got past one of its steps, so a message of that step (a dead letter of it) is no longer awaited.
internal static class SagaProgress
{
    // How the saga is past the step, in words, or null when it still waits for it (or has not reached it).
    public static string? Past(FulfilmentSaga saga, SagaStep step)
    {
        var forward = ForwardIndex(step);
        var current = ForwardIndex(saga.CurrentStep);
        if (forward < 0)
        {
            return saga.Status == SagaStatus.Compensated ? "its compensation is done" : null;
        }

        return saga.Status switch
        {
            SagaStatus.Completed => $"its saga completed after {step}",
            SagaStatus.Compensating or SagaStatus.Compensated => $"its saga gives back what it holds instead of going on with {step}",
            _ when current > forward => $"its saga is past {step}, at {saga.CurrentStep}",
            _ when current < 0 && saga.CurrentStep != SagaStep.None => $"its saga gives back what it holds instead of going on with {step}",
            _ => null,
        };
    }

    private static int ForwardIndex(SagaStep step)
    {
        for (var i = 0; i < SagaDefinition.Forward.Count; i++)
        {
            if (SagaDefinition.Forward[i].Step == step)
            {
                return i;
            }
        }

        return -1;
    }
}
