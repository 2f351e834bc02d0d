using OrderManagement.BuildingBlocks.Lifecycle;

namespace OrderManagement.Ordering.Webhooks;

// Wakes this host's webhook sender: deliveries were made due here, or a call ended (the next event of its order may
// go now). Other hosts find the work by polling (Ordering:Webhooks:PollInterval).
internal sealed class WebhookSignal : WakeSignal;
