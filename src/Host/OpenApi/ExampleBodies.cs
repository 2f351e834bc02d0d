using System.Text.Json.Nodes;

namespace OrderManagement.Host.OpenApi;

// One consistent story for every example: order O (2 x TSHIRT-RED-M at 19.99 EUR) placed, confirmed, then
// cancelled, all in trace T; its shipment S and payment P; a saga that failed on the payment step and its dead letter D.
internal static class ExampleBodies
{
    private const string O = "01a22c34-33f6-7503-b29b-94a402debf21";
    private const string P = "01a22c34-609f-7b6e-8e07-9d98d447966e";
    private const string S = "01a22c34-69bf-72f9-b1e0-e27e6c26c522";
    private const string D = "01a22c35-0a1e-7c3d-9f41-5b7e2d8c4a10";

    // The W3C trace id of the order's trace: every entry of one order carries it (one trace per order).
    private const string T = "4bf92f3577b34da6a3ce929d0e0e4736";

    public const string SetStock = """{"onHand":120}""";

    public const string PlaceOrder = """
        {"customerId":"cust-42","currency":"EUR","lines":[{"sku":"TSHIRT-RED-M","quantity":2,"unitPrice":19.99}],
         "shippingAddress":{"name":"Ada Lovelace","line1":"1 Main St","line2":null,"city":"London","postalCode":"N1 9GU","country":"GB"},
         "payment":{"method":"card","token":"tok_visa"}}
        """;

    public const string Cancel = """{"reason":"changed my mind"}""";
    public const string Dispatch = """{"carrier":"DHL","trackingNumber":"JD014600006281"}""";
    public const string OperatorAction = """{"reason":"the payment provider is back"}""";

    public const string Stock = """{"sku":"TSHIRT-RED-M","onHand":120,"reserved":2,"available":118}""";

    public static string Order(string status, int version, string? paymentStatus, string? shipmentStatus, string updatedAt, string? cancellationRequestedAt = null,
        string hold = "null", string? rejectionReason = null) => $$"""
        {"orderId":"{{O}}","customerId":"cust-42","status":"{{status}}","rejectionReason":{{Text(rejectionReason)}},"currency":"EUR",
         "lines":[{"sku":"TSHIRT-RED-M","quantity":2,"unitPrice":19.99,"lineTotal":39.98,"shippedQuantity":0,"cancelledQuantity":0}],"total":39.98,
         "shippingAddress":{"name":"Ada Lovelace","line1":"1 Main St","line2":null,"city":"London","postalCode":"N1 9GU","country":"GB"},
         "paymentId":{{Text(paymentStatus is null ? null : P)}},"paymentStatus":{{Text(paymentStatus)}},
         "shipmentId":{{Text(shipmentStatus is null ? null : S)}},"shipmentStatus":{{Text(shipmentStatus)}},"trackingNumber":null,
         "cancellationRequestedAt":{{Text(cancellationRequestedAt)}},"hold":{{hold}},"createdAt":"2026-11-30T11:25:48.405Z","updatedAt":"{{updatedAt}}","version":{{version}},
         "refundedAmount":0,"shipments":[],"lineCancellations":[]}
        """;

    public static readonly string Placed = Order("Pending", 1, null, null, "2026-11-30T11:25:48.405Z");
    public static readonly string Confirmed = Order("Confirmed", 4, "Authorized", "ReadyToShip", "2026-11-30T11:26:03.079Z");
    public static readonly string CancelAccepted = Order("Confirmed", 5, "Authorized", "ReadyToShip", "2026-11-30T11:26:10.112Z", "2026-11-30T11:26:10.112Z");
    public static readonly string Cancelled = Order("Cancelled", 7, "Voided", "Cancelled", "2026-11-30T11:26:19.483Z");
    // A line cancellation (docs/adr/0021) of 1 of the 2 T-shirts: accepted, Shipping has yet to take the unit off.
    public const string CancelLines = """{"lines":[{"sku":"TSHIRT-RED-M","quantity":1}],"reason":"the customer wants one shirt only"}""";
    public static readonly string LinesCancelRequested = Order("Confirmed", 5, "Authorized", "ReadyToShip", "2026-11-30T11:26:10.112Z")
        .Replace("\"lineCancellations\":[]", $$"""
            "lineCancellations":[{"cancellationId":"01a22c35-2b40-7d51-8a3c-6f1e9b0d2c47","status":"Requested",
             "lines":[{"sku":"TSHIRT-RED-M","quantity":1}],"reason":"the customer wants one shirt only","amount":19.99,
             "requestedAt":"2026-11-30T11:26:10.112Z","decidedAt":null,"refusalReason":null}]
            """.Trim(), StringComparison.Ordinal);
    public static readonly string OrderPage = $$"""{"items":[{{Confirmed}}],"nextCursor":null}""";

    // The answers to an operator's review decision (ADR 0018): the order, no longer held, Pending until the payment is
    // authorized (approved) or the stock released (rejected, then Rejected / RejectedInReview).
    public static readonly string Approved = Order("Pending", 4, null, null, "2026-11-30T11:40:12.301Z");
    public static readonly string RejectedInReview = Order("Pending", 4, null, null, "2026-11-30T11:40:12.301Z");
    public const string ApproveReview = """{"reason":"known customer, confirmed by phone"}""";
    public const string RejectReview = """{"reason":"the shipping address does not match the card's country"}""";

    public const string History = $$"""
        {"orderId":"{{O}}","entries":[
         {"sequence":1,"occurredAt":"2026-11-30T11:25:49.476Z","module":"Ordering","event":"OrderPlaced","fromState":null,"toState":"Pending","detail":"39.98 EUR","traceId":"{{T}}"},
         {"sequence":2,"occurredAt":"2026-11-30T11:25:49.900Z","module":"Ordering","event":"StepStarted","fromState":"None","toState":"ReserveStock","detail":null,"traceId":"{{T}}"},
         {"sequence":3,"occurredAt":"2026-11-30T11:25:55.401Z","module":"Inventory","event":"StockReserved","fromState":null,"toState":"Reserved","detail":"2 x TSHIRT-RED-M","traceId":"{{T}}"},
         {"sequence":4,"occurredAt":"2026-11-30T11:26:00.456Z","module":"Payments","event":"PaymentAuthorized","fromState":"Pending","toState":"Authorized","detail":"attempt 1","traceId":"{{T}}"},
         {"sequence":5,"occurredAt":"2026-11-30T11:26:02.359Z","module":"Shipping","event":"ShipmentCreated","fromState":null,"toState":"ReadyToShip","detail":null,"traceId":"{{T}}"},
         {"sequence":6,"occurredAt":"2026-11-30T11:26:03.131Z","module":"Ordering","event":"OrderConfirmed","fromState":"Pending","toState":"Confirmed","detail":null,"traceId":"{{T}}"}]}
        """;

    // Subscription W of the storefront key, and the deliveries of order O's first two events to it (E1, E2).
    private const string W = "01a22c33-f1d0-7a55-8c1e-2f4b7d9e0a11";
    public const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public const string CreateWebhook = """{"url":"https://shop.example.com/hooks/orders","eventTypes":["order.confirmed","order.shipped","order.delivered"]}""";

    public static string Webhook(string? secret) => $$"""
        {"id":"{{W}}","owner":"dev-storefront","url":"https://shop.example.com/hooks/orders",
         "eventTypes":["order.confirmed","order.shipped","order.delivered"],"createdAt":"2026-11-30T11:20:02.117Z","secret":{{Text(secret)}}}
        """;

    public const string WebhookDeliveryPage = $$"""
        {"items":[
         {"deliveryId":"01a22c35-1b2c-7d3e-8f40-5a6b7c8d9e01","webhookId":"msg_01a22c351a2b7c3d9e4f5a6b7c8d9e0f","orderId":"{{O}}",
          "eventType":"order.shipped","status":"Pending","attempts":3,"lastStatusCode":503,"lastDurationMs":41.7,
          "lastError":"the receiver answered 503 Service Unavailable","lastAttemptAt":"2026-11-30T11:27:31.802Z",
          "nextAttemptAt":"2026-11-30T11:27:49.310Z","deliveredAt":null,"createdAt":"2026-11-30T11:27:04.550Z"},
         {"deliveryId":"01a22c34-7c8d-7e9f-a0b1-c2d3e4f5a601","webhookId":"msg_01a22c347b8c7d9ea0b1c2d3e4f5a6b7","orderId":"{{O}}",
          "eventType":"order.confirmed","status":"Delivered","attempts":1,"lastStatusCode":200,"lastDurationMs":12.3,
          "lastError":null,"lastAttemptAt":"2026-11-30T11:26:03.240Z","nextAttemptAt":null,
          "deliveredAt":"2026-11-30T11:26:03.240Z","createdAt":"2026-11-30T11:26:03.151Z"}],"nextCursor":null}
        """;

    public const string WebhookReplay = """{"replayed":1}""";

    public const string Ready = """
        {"status":"ready","reason":null,"checks":{"database":{"status":"ready","reason":null},"Ordering":{"status":"ready","reason":null},
         "Inventory":{"status":"ready","reason":null},"Payments":{"status":"ready","reason":null},"Shipping":{"status":"ready","reason":null}}}
        """;

    public const string NotReady = """
        {"status":"not-ready","reason":"Shipping: dispatcher stopped","checks":{"database":{"status":"ready","reason":null},
         "Ordering":{"status":"ready","reason":null},"Inventory":{"status":"ready","reason":null},"Payments":{"status":"ready","reason":null},
         "Shipping":{"status":"not-ready","reason":"dispatcher stopped"}}}
        """;

    public static string Shipment(string status, string? carrier, string? trackingNumber) => $$"""
        {"shipmentId":"{{S}}","orderId":"{{O}}","status":"{{status}}","carrier":{{Text(carrier)}},"trackingNumber":{{Text(trackingNumber)}},
         "lines":[{"sku":"TSHIRT-RED-M","quantity":2}]}
        """;

    // After the first of two parcels (docs/adr/0019) left: one of the two shirts captured.
    public const string Payment = $$"""
        {"paymentId":"{{P}}","orderId":"{{O}}","amount":39.98,"currency":"EUR","status":"PartiallyCaptured","attempts":1,"refundedAmount":0,"capturedAmount":19.99,
         "captures":[{"captureId":"01a22c36-2d3e-7f40-8a51-6b7c8d9e0f12","shipmentId":"{{S2}}","amount":19.99,"status":"Captured",
          "requestedAt":"2026-11-30T11:27:10.204Z","capturedAt":"2026-11-30T11:27:10.391Z"}]}
        """;

    // Shipment S2, carved out of S (the saga's shipment) by POST /api/v1/orders/{orderId}/shipments (docs/adr/0019).
    private const string S2 = "01a22c36-1a2b-7c3d-8e4f-5a6b7c8d9e0f";

    public const string SplitShipment = """{"lines":[{"sku":"TSHIRT-RED-M","quantity":1}]}""";

    public const string SplitShipmentCreated = $$"""
        {"shipmentId":"{{S2}}","orderId":"{{O}}","status":"ReadyToShip","carrier":null,"trackingNumber":null,
         "lines":[{"sku":"TSHIRT-RED-M","quantity":1}]}
        """;

    public const string FailedSaga = $$"""
        {"orderId":"{{O}}","status":"Failed","currentStep":"AuthorizePayment","attempts":3,
         "lastError":"No answer to AuthorizePayment after 3 step attempts. Last record of Payments: AuthorizationAttemptFailed at 2026-11-30T11:27:01.000Z (Provider attempt 3 of 4: The payment provider timed out.). Fix the cause, then retry the current step or cancel the order.","startedAt":"2026-11-30T11:25:48.405Z",
         "updatedAt":"2026-11-30T11:27:03.000Z","nextAttemptAt":null}
        """;

    public const string RetriedSaga = $$"""
        {"orderId":"{{O}}","status":"Running","currentStep":"AuthorizePayment","attempts":1,"lastError":null,
         "startedAt":"2026-11-30T11:25:48.405Z","updatedAt":"2026-11-30T11:40:00.000Z","nextAttemptAt":"2026-11-30T11:40:25.000Z"}
        """;

    public const string SagaPage = $$"""{"items":[{{FailedSaga}}],"nextCursor":null}""";

    public const string DeadLetter = $$"""
        {"id":"{{D}}","module":"Payments","messageType":"payments.authorize-payment.v1","attempts":10,
         "lastError":"SandboxOutageException: Sandbox outage for tok_outage until 2026-11-30T11:27:26.0000000+00:00: the provider answered with an unexpected error.",
         "failedAt":"2026-11-30T11:27:00.000Z","orderId":"{{O}}","mootBecause":null}
        """;

    // The same letter once replayed: due again, its attempts counted afresh.
    public const string ReplayedDeadLetter = $$"""
        {"id":"{{D}}","module":"Payments","messageType":"payments.authorize-payment.v1","attempts":0,
         "lastError":"SandboxOutageException: Sandbox outage for tok_outage until 2026-11-30T11:27:26.0000000+00:00: the provider answered with an unexpected error.",
         "failedAt":"2026-11-30T11:27:00.000Z","orderId":"{{O}}","mootBecause":null}
        """;

    public const string DeadLetterPage = $$"""{"items":[{{DeadLetter}}],"nextCursor":null}""";

    public const string StallPage = $$"""
        {"items":[{"orderId":"{{O}}","sagaStatus":"Running","step":"AuthorizePayment","awaitedReply":"the payment authorization","fromModule":"Payments",
         "waitingSince":"2026-11-30T11:25:55.401Z","waitingSeconds":95.2,"normalWaitSeconds":30,"attempts":2,
         "lastError":"The payment provider timed out.","nextAttemptAt":"2026-11-30T11:27:40.000Z",
         "reason":"Waiting 95 s for the payment authorization from Payments; normally under 30 s; step attempts 2 of 3: the saga sent AuthorizePayment 2 times; last error: The payment provider timed out; AuthorizePayment is sent again at 2026-11-30 11:27:33 UTC (in 10 s; step attempt 3 of 3) unless the answer arrives."}],
         "nextCursor":null}
        """;

    public const string ChangeSettings = """{"settings":{"Stalls:AuthorizePayment":"00:00:30"},"reason":"the payment provider answers slowly today"}""";

    public const string Settings = """
        {"items":[{"key":"Stalls:AuthorizePayment","value":"00:00:30","override":"00:00:30",
         "description":"Longest normal wait for the reply to AuthorizePayment; beyond it the order is listed as stalled",
         "default":"00:00:30","min":"00:00:01","max":"1.00:00:00","changedBy":"ops-anna","changedAt":"2026-11-30T11:30:00.000Z",
         "kind":"Duration"},
         {"key":"Messaging:MaxAttempts","value":"10","override":null,"description":"Delivery attempts of a message before it is dead-lettered",
         "default":"10","min":"1","max":"100","changedBy":null,"changedAt":null,"kind":"Integer"}]}
        """;

    // Return R of order O once delivered: one of its two T-shirts comes back, arrives fit to sell and is refunded.
    private const string R = "01a22c36-2d4e-7f50-8a61-7b8c9d0e1f23";
    public const string RequestReturn = """{"reason":"too small","lines":[{"sku":"TSHIRT-RED-M","quantity":1}]}""";
    public const string ReceiveReturn = """{"lines":[{"sku":"TSHIRT-RED-M","quantity":1,"restock":true}]}""";
    public const string RejectReturn = """{"reason":"the parcel never arrived at the warehouse"}""";

    public static string Return(string status, int? received, bool? restock, string? refundAmount, string? rejectionReason, string updatedAt) => $$"""
        {"returnId":"{{R}}","orderId":"{{O}}","status":"{{status}}","reason":"too small","rejectionReason":{{Text(rejectionReason)}},
         "lines":[{"sku":"TSHIRT-RED-M","quantity":1,"unitPrice":19.99,"receivedQuantity":{{(received is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}},"restock":{{(restock is { } s ? (s ? "true" : "false") : "null")}}}],
         "refundAmount":{{refundAmount ?? "null"}},"createdAt":"2026-12-02T09:14:05.311Z","updatedAt":"{{updatedAt}}"}
        """;

    public static readonly string ReturnRequested = Return("Requested", null, null, null, null, "2026-12-02T09:14:05.311Z");
    public static readonly string ReturnReceived = Return("Received", 1, true, "19.99", null, "2026-12-04T15:02:41.870Z");
    public static readonly string ReturnRefunded = Return("Refunded", 1, true, "19.99", null, "2026-12-04T15:02:42.415Z");
    public static readonly string ReturnRejected = Return("Rejected", null, null, null, "the parcel never arrived at the warehouse", "2026-12-04T15:02:41.870Z");
    public static readonly string OrderReturns = $$"""{"orderId":"{{O}}","items":[{{ReturnRefunded}}]}""";

    public static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    private static string Text(string? value) => value is null ? "null" : $"\"{value}\"";
}
