using OrderManagement.Benchmark;

// bench | crash | two-hosts | db-outage | failover | upgrade | skewed-host | rolling-restart | slow-neighbour: see Options.Usage and docs/benchmarks.md.
Options options;
try
{
    options = Options.Parse(args);
}
catch (UsageException ex)
{
    if (ex.Message.Length > 0)
    {
        Console.Error.WriteLine($"OrderManagement.Benchmark: {ex.Message}");
    }

    Console.Error.WriteLine(Options.Usage);
    return ex.Message.Length > 0 ? 2 : 0;
}

await using var sink = options.OtlpSink ? OtlpSink.StartFor(options) : null;
var exitCode = options.Command == "bench"
    ? await BenchScenario.RunAsync(options)
    : await ResilienceScenarios.RunAsync(options);
if (sink is not null)
{
    Console.Error.WriteLine(sink.Summary);
}

return exitCode;
