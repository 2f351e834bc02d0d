using System.Net;
using System.Text;

namespace OrderManagement.Host.Tests.Scripts;

// build/observe.sh --query says what went wrong: Prometheus's own error for bad PromQL (not curl's "returned error:
// 400"), and that nothing answers when Prometheus is not running, each with its documented exit code.
public sealed class ObserveQueryTests
{
    private const string BadData = """{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:6: parse error: unclosed left parenthesis"}""";

    [Fact]
    public async Task Given_bad_PromQL_When_observe_queries_Then_it_prints_the_error_Prometheus_gave_and_exits_4()
    {
        var port = RunScript.FreePort();
        using var prometheus = new HttpListener();
        prometheus.Prefixes.Add($"http://127.0.0.1:{port}/");
        prometheus.Start();
        var answering = AnswerAsync(prometheus);

        var (exitCode, output) = await RunScript.RunAsync("build/observe.sh --query 'rate('", new Dictionary<string, string?> { ["OM_PROMETHEUS_PORT"] = $"{port}" });
        await answering;

        exitCode.ShouldBe(4, output);
        output.ShouldContain("Prometheus refused the query (HTTP 400): invalid parameter \"query\": 1:6: parse error: unclosed left parenthesis");
    }

    [Fact]
    public async Task Given_no_Prometheus_running_When_observe_queries_Then_it_says_so_and_exits_3()
    {
        var port = RunScript.FreePort();

        var (exitCode, output) = await RunScript.RunAsync("build/observe.sh --query up", new Dictionary<string, string?> { ["OM_PROMETHEUS_PORT"] = $"{port}" });

        exitCode.ShouldBe(3, output);
        output.ShouldContain($"no Prometheus answers on 127.0.0.1:{port}");
    }

    [Theory]
    [InlineData("--query", "--query needs a PromQL expression")]
    [InlineData("--query ''", "--query needs a PromQL expression")]
    [InlineData("--target", "--target needs HOST:PORT")]
    public async Task Given_an_option_without_its_value_When_observe_runs_Then_it_is_bad_usage_exit_2(string arguments, string message)
    {
        var (exitCode, output) = await RunScript.RunAsync($"build/observe.sh {arguments}", new Dictionary<string, string?>());

        exitCode.ShouldBe(2, output);
        output.ShouldContain(message);
    }

    [Fact]
    public async Task Given_help_When_it_is_read_Then_it_documents_every_exit_code()
    {
        var (exitCode, output) = await RunScript.RunAsync("build/observe.sh --help", new Dictionary<string, string?>());

        exitCode.ShouldBe(0, output);
        foreach (var code in new[] { "0  ", "1  ", "2  ", "3  ", "4  " })
        {
            output.ShouldContain("\n  " + code);
        }
    }

    private static async Task AnswerAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        var body = Encoding.UTF8.GetBytes(BadData);
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
