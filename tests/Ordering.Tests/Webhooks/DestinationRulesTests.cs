using System.Net;
using OrderManagement.Ordering.Webhooks;

namespace OrderManagement.Ordering.Tests.Webhooks;

public sealed class DestinationRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Given_a_loopback_private_or_link_local_address_Then_it_is_not_public(string address) =>
        DestinationRules.IsPublic(IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void Given_a_public_address_Then_it_is_public(string address) =>
        DestinationRules.IsPublic(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("http://example.com/hooks", true, null)]
    [InlineData("http://example.com/hooks", false, "must use https.")]
    [InlineData("https://example.com/hooks", false, null)]
    [InlineData("ftp://example.com/hooks", true, "must be an absolute http or https URL.")]
    [InlineData("/hooks", true, "must be an absolute http or https URL.")]
    [InlineData("https://user:secret@example.com/hooks", false, "must not carry user info or a fragment; put a token in the path or query and check the signature instead.")]
    public void Given_a_url_Then_its_own_rules_are_checked(string url, bool allowPrivate, string? problem) =>
        DestinationRules.UrlProblem(url, allowPrivate).ShouldBe(problem);

    [Fact]
    public async Task Given_a_name_that_resolves_to_loopback_Then_the_address_check_refuses_it() =>
        (await DestinationRules.AddressProblemAsync(new Uri("https://localhost/hooks"), CancellationToken.None))!.ShouldContain("loopback");
}
