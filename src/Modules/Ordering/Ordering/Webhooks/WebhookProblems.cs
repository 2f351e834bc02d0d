using OrderManagement.BuildingBlocks.Web;

namespace OrderManagement.Ordering.Webhooks;

// The problems only /api/v1/webhooks answers (ProblemType: a fixed title per kind; the detail says what to do).
internal static class WebhookProblems
{
    public static readonly ProblemType DestinationRefused = new("webhook-destination-refused", 422, "The webhook URL is not allowed.");
    public static readonly ProblemType LimitReached = new("webhook-limit-reached", 422, "This API key has as many webhook subscriptions as it may.");
}
