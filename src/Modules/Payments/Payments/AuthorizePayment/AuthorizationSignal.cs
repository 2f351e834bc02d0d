using OrderManagement.BuildingBlocks.Lifecycle;

namespace OrderManagement.Payments.AuthorizePayment;

// Wakes this host's authorization worker: an attempt was made due here, or a call slot came free. Other hosts find
// the work by polling (Payments:AttemptPollInterval).
internal sealed class AuthorizationSignal : WakeSignal;
