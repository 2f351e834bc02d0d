using OrderManagement.BuildingBlocks.Lifecycle;

namespace OrderManagement.Payments.Refunds;

// Wakes this host's refund worker: a refund was made due here, or a call slot came free.
internal sealed class RefundSignal : WakeSignal;
