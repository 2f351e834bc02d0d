using Microsoft.AspNetCore.Http;
using OrderManagement.BuildingBlocks.Web;
using Serilog.Events;

namespace OrderManagement.BuildingBlocks.Tests.Web;

// The access log's level follows the kind of answer: backpressure and other deliberate 503s with Retry-After are
// warnings, any other server error is an error, everything else information.
public sealed class AccessLogLevelTests
{
    [Theory]
    [InlineData(200, false, LogEventLevel.Information)]
    [InlineData(202, false, LogEventLevel.Information)]
    [InlineData(400, false, LogEventLevel.Information)]
    [InlineData(404, false, LogEventLevel.Information)]
    [InlineData(429, true, LogEventLevel.Information)]
    [InlineData(503, true, LogEventLevel.Warning)]
    [InlineData(503, false, LogEventLevel.Error)]
    [InlineData(500, false, LogEventLevel.Error)]
    [InlineData(500, true, LogEventLevel.Error)]
    [InlineData(502, false, LogEventLevel.Error)]
    public void Given_a_response_When_its_access_line_is_written_Then_the_level_follows_its_kind(int status, bool retryAfter, LogEventLevel expected)
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = status;
        if (retryAfter)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        AccessLogLevel.Of(context, 1.0, null).ShouldBe(expected);
    }

    [Fact]
    public void Given_a_request_that_ended_in_an_exception_When_its_access_line_is_written_Then_it_is_an_error()
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = 503;
        context.Response.Headers.RetryAfter = "1";

        AccessLogLevel.Of(context, 1.0, new InvalidOperationException("boom")).ShouldBe(LogEventLevel.Error);
    }
}
