using OrderManagement.Ordering.Webhooks;

namespace OrderManagement.Ordering.Tests.Webhooks;

// Seen in CI (WebhookInterestTests): a subscription made on this host while the reader's query was under way was
// dropped by that read's answer, so the next order's events went unrecorded for up to one refresh.
public sealed class WebhookInterestRaceTests
{
    private static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddHours(1);

    [Fact]
    public void Given_a_read_under_way_When_a_subscription_is_added_and_the_read_answers_without_it_Then_its_type_is_still_wanted()
    {
        var interest = new WebhookInterest(TimeProvider.System);
        interest.Replace([], Later, interest.ReadStarting());

        var readStartedAt = interest.ReadStarting();
        interest.Add(["order.confirmed"]);
        interest.Replace([], Later, readStartedAt);

        interest.Wants("order.confirmed").ShouldBeTrue();
        interest.Wants("order.placed").ShouldBeFalse();
    }

    [Fact]
    public void Given_a_subscription_added_before_a_read_When_the_read_no_longer_finds_it_Then_its_type_is_no_longer_wanted()
    {
        var interest = new WebhookInterest(TimeProvider.System);
        interest.Replace([], Later, interest.ReadStarting());
        interest.Add(["order.confirmed"]);

        interest.Replace([], Later, interest.ReadStarting());

        interest.Wants("order.confirmed").ShouldBeFalse("the subscription was deleted before that read began");
    }
}
