using System.Text.Json;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests;

// The events' statuses were text before they were enums; a message an earlier build left in an outbox (the upgrade
// test's previous build, 0aec6f7, wrote them as text) must read as the same member, and a capture without one as none.
public sealed class InFlightStatusTests
{
    private const string Ids = "\"orderId\":\"01a234c6-6140-796b-9c01-c07e214ae154\",\"paymentId\":\"01a234c6-6140-796b-9c01-c07e214ae155\"";

    [Fact]
    public void Given_events_written_with_text_statuses_When_this_build_reads_them_Then_each_status_is_its_enum_member()
    {
        Read<ShipmentCancellationRefused>("""{"orderId":"01a234c6-6140-796b-9c01-c07e214ae154","shipmentId":"01a234c6-6140-796b-9c01-c07e214ae156","status":"Dispatched"}""")
            .Status.ShouldBe(ShipmentStatus.Dispatched);
        Read<PaymentCaptured>("{" + Ids + ",\"shipmentId\":null,\"amount\":19.99,\"status\":\"PartiallyCaptured\"}").Status.ShouldBe(PaymentStatus.PartiallyCaptured);
        Read<PaymentCaptured>("{" + Ids + "}").Status.ShouldBeNull();
        Read<PaymentRefunded>("{" + Ids + ",\"returnId\":\"01a234c6-6140-796b-9c01-c07e214ae157\",\"amount\":20,\"refundedAmount\":20,\"status\":\"Refunded\"}")
            .Status.ShouldBe(PaymentStatus.Refunded);
    }

    [Fact]
    public void Given_an_event_with_a_status_this_build_has_no_member_for_When_read_Then_it_is_refused_rather_than_guessed()
    {
        Should.Throw<JsonException>(() => Read<ShipmentCancellationRefused>(
            """{"orderId":"01a234c6-6140-796b-9c01-c07e214ae154","shipmentId":"01a234c6-6140-796b-9c01-c07e214ae156","status":"Lost"}"""));
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, MessageSerializer.Options)!;
}
