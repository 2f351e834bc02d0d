using System.Globalization;

namespace OrderManagement.Benchmark;

internal sealed class UsageException(string message) : Exception(message);

// Command-line options shared by the four scenarios. Every load loop is bounded by a count and a time.
internal sealed class Options
{
    public const string Usage = """
        Usage: OrderManagement.Benchmark <bench|crash|two-hosts|db-outage|failover|upgrade|skewed-host|rolling-restart|slow-neighbour> --connection <cs> --host-dll <path> [options]

        Normally started by build/bench.sh, build/crash-test.sh, build/two-hosts-test.sh, build/db-outage-test.sh,
        which build the host, start a private PostgreSQL and create a fresh database, and by build/failover-test.sh,
        which starts a pg_auto_failover formation and HAProxy.

        Required:
          --connection CS        Npgsql connection string of the (fresh) database
          --host-dll PATH        src/Host/bin/Release/net10.0/OrderManagement.Host.dll

        Load:
          --quick                short run for CI: bench and two-hosts 15 s of load (full 60 s), crash 3 kills 2-8 s
                                 apart, db-outage 5 s + 10 s down + 10 s; fewer workers
          --orders N             stop after N orders (POSTs)
          --duration S           stop after S seconds of load (with --orders: whichever comes first)
          --concurrency C        closed loop: C workers, each sends its next order when the last one is answered
          --rate R               open loop: R orders/s offered, sends scheduled by time, latency from the scheduled time
          --tokens MIX           payment token mix, e.g. tok_visa=90,tok_declined=5,tok_flaky=5 (default tok_visa=100)
          --skus N               SKUs seeded (default 100)
          --on-hand N            units per SKU (default 1000000)
          --scarce               few units per SKU (about half the expected demand), so many orders are OutOfStock
          --max-lines N          lines per order, 1..N (default 3); quantities 1..3
          --warmup N             orders sent (and counted in commits/order) before the measured run (bench: 200)
          --preload N            bulk-insert N historical (Delivered) orders before the run (bench only)
          --drain-timeout S      how long to wait for every order to leave Pending (default 300)
          --request-timeout S    client timeout of one request (default 30; db-outage: 10)
          --no-idempotency-key   do not send Idempotency-Key (sent by default, as a storefront would)
          --seed N               random seed (default: random, printed)
          --ceiling TPS          bench: this machine's PostgreSQL ceiling (saga_step_tps from ../shared/pg-ceiling/run.sh,
                                 commits/s); the last line then ends with ceiling_ratio=sustained_confirmed_per_s/TPS

        Hosts:
          --port P               first host port (default: a free loopback port)
          --host-log-level L     Serilog minimum level of the host (default Warning)
          --work-dir DIR         host logs and pid file (default .data/bench/<command>)
          --host-env KEY=VALUE   extra environment variable of the host(s), repeatable
                                 (e.g. Messaging__DeliveryConcurrency=16, DOTNET_PerfMapEnabled=1)
          --otlp-sink            telemetry on: the host(s) export traces and metrics over OTLP/HTTP to a sink in this
                                 process (prints "otlp_sink requests=N bytes=M" to stderr at the end); for telemetry
                                 off pass --host-env OTEL_SDK_DISABLED=true

        Scenario specific:
          --kills N              crash: kill -9 the host N times (default 3), each after a random 2-8 s (full: 5-20 s)
                                 under load once it is ready; the load goes on 8 s (full: 20 s) after the last
                                 restart; --duration is then only an upper bound (default 180 s, full 600 s)
          --hosts N              two-hosts: host processes (default 2); failover: 3; bench: 1 (more only with --via)
          --db-stop-cmd CMD      db-outage: bash command that stops PostgreSQL
          --db-start-cmd CMD     db-outage: bash command that starts it again
          --outage S             db-outage: seconds PostgreSQL stays down (default 10)
          --outage-at S          db-outage: seconds of load before the stop (default 5; full 10)
          --answer-within S      db-outage, failover: every request must be answered within S seconds (default 5)
          --via URL              send the orders to this URL (a load balancer in front of the hosts) instead of to
                                 the hosts directly; the hosts still start on --port, --port+1, ...
          --db-kill-cmd CMD      failover: bash command that kills the primary PostgreSQL node (kill -9)
          --db-rejoin-cmd CMD    failover: bash command that starts the killed node again and returns once it is
                                 the standby
          --from-host-dll PATH   upgrade: the previous build's OrderManagement.Host.dll, started first on the database;
                                 --host-dll is the build that takes over its orders (build/upgrade-test.sh builds both)
          --stop kill|term       upgrade: how the previous build is stopped, SIGKILL (default) or SIGTERM
          --cycles N             upgrade: at most N runs of the previous build (default 3) until one stops with orders
                                 in every saga step
          --skew OFFSET          skewed-host: the second host's clock offset, libfaketime's relative format (default +5m;
                                 Debian's faketime must be installed: build/skewed-host-test.sh does it)
          --skewed-for S         skewed-host: seconds of load on both hosts before the skewed one is killed -9
                                 (default 10; full 30); the load then goes on S seconds on the first host alone
          --restart-after S      rolling-restart: seconds of load before each host's SIGTERM (default 4; full 10), and
                                 after each host is back in rotation
        """;

    public required string Command { get; init; }
    public string Connection { get; set; } = "";
    public string HostDll { get; set; } = "";
    public string? WorkDir { get; set; }
    public bool Quick { get; set; }
    public int? Orders { get; set; }
    public double? Duration { get; set; }
    public int? Concurrency { get; set; }
    public double? Rate { get; set; }
    public List<(string Token, double Weight)> Tokens { get; set; } = [("tok_visa", 100)];
    public int Skus { get; set; } = 100;
    public int? OnHand { get; set; }
    public bool Scarce { get; set; }
    public int MaxLines { get; set; } = 3;
    public int MaxQuantity { get; set; } = 3;
    public int? Warmup { get; set; }
    public long Preload { get; set; }
    public double? Ceiling { get; set; }
    public double DrainTimeout { get; set; } = 300;
    public double? RequestTimeout { get; set; }
    public bool IdempotencyKeys { get; set; } = true;
    public int Seed { get; set; } = Random.Shared.Next(1, 1_000_000);
    public int? Port { get; set; }
    public string HostLogLevel { get; set; } = "Warning";
    public bool OtlpSink { get; set; }
    public List<KeyValuePair<string, string>> HostEnv { get; } = [];
    public int Kills { get; set; } = 3;
    public int Hosts { get; set; } = 2;
    private bool _hostsGiven;
    public string? DbStopCmd { get; set; }
    public string? DbStartCmd { get; set; }
    public double Outage { get; set; } = 10;
    public double? OutageAt { get; set; }
    public double AnswerWithin { get; set; } = 5;
    public Uri? Via { get; set; }
    public string? DbKillCmd { get; set; }
    public string? DbRejoinCmd { get; set; }
    public string? FromHostDll { get; set; }
    public bool StopWithSigterm { get; set; }
    public int Cycles { get; set; } = 3;
    public string Skew { get; set; } = "+5m";
    public double? SkewedFor { get; set; }
    public double? RestartAfter { get; set; }
    private bool _tokensGiven;

    // Hard bounds for every load loop.
    public const double MaxDurationSeconds = 1800;
    public const int MaxOrdersBound = 5_000_000;

    public static readonly string[] Commands = ["bench", "crash", "two-hosts", "db-outage", "failover", "upgrade", "skewed-host", "rolling-restart", "slow-neighbour"];

    public static Options Parse(string[] args)
    {
        if (args.Length == 0 || !Commands.Contains(args[0]))
        {
            throw new UsageException(args.Length == 0 ? "missing command" : $"unknown command '{args[0]}'");
        }

        var o = new Options { Command = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"{arg} needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--connection": o.Connection = Value(); break;
                case "--host-dll": o.HostDll = Value(); break;
                case "--work-dir": o.WorkDir = Value(); break;
                case "--quick": o.Quick = true; break;
                case "--orders": o.Orders = Int(arg, Value(), 1, MaxOrdersBound); break;
                case "--duration": o.Duration = Dbl(arg, Value(), 0.5, MaxDurationSeconds); break;
                case "--concurrency": o.Concurrency = Int(arg, Value(), 1, 4096); break;
                case "--rate": o.Rate = Dbl(arg, Value(), 0.1, 100_000); break;
                case "--tokens": o.Tokens = ParseTokens(Value()); o._tokensGiven = true; break;
                case "--skus": o.Skus = Int(arg, Value(), 1, 100_000); break;
                case "--on-hand": o.OnHand = Int(arg, Value(), 0, int.MaxValue); break;
                case "--scarce": o.Scarce = true; break;
                case "--max-lines": o.MaxLines = Int(arg, Value(), 1, 100); break;
                case "--warmup": o.Warmup = Int(arg, Value(), 0, 1_000_000); break;
                case "--preload": o.Preload = Int(arg, Value(), 0, 50_000_000); break;
                case "--ceiling": o.Ceiling = Dbl(arg, Value(), 0.1, 10_000_000); break;
                case "--drain-timeout": o.DrainTimeout = Dbl(arg, Value(), 1, 3600); break;
                case "--request-timeout": o.RequestTimeout = Dbl(arg, Value(), 0.1, 600); break;
                case "--no-idempotency-key": o.IdempotencyKeys = false; break;
                case "--seed": o.Seed = Int(arg, Value(), int.MinValue, int.MaxValue); break;
                case "--port": o.Port = Int(arg, Value(), 1, 65535); break;
                case "--host-log-level": o.HostLogLevel = Value(); break;
                case "--host-env":
                    var kv = Value().Split('=', 2);
                    o.HostEnv.Add(kv.Length == 2 && kv[0].Length > 0 ? new(kv[0], kv[1]) : throw new UsageException("--host-env needs KEY=VALUE"));
                    break;
                case "--otlp-sink": o.OtlpSink = true; break;
                case "--kills": o.Kills = Int(arg, Value(), 0, 100); break;
                case "--hosts": o.Hosts = Int(arg, Value(), 1, 16); o._hostsGiven = true; break;
                case "--db-stop-cmd": o.DbStopCmd = Value(); break;
                case "--db-start-cmd": o.DbStartCmd = Value(); break;
                case "--outage": o.Outage = Dbl(arg, Value(), 0, 600); break;
                case "--outage-at": o.OutageAt = Dbl(arg, Value(), 0, 600); break;
                case "--answer-within": o.AnswerWithin = Dbl(arg, Value(), 0.1, 600); break;
                case "--via":
                    o.Via = Uri.TryCreate(Value().TrimEnd('/') + "/", UriKind.Absolute, out var via) && via.Scheme is "http" or "https"
                        ? via
                        : throw new UsageException("--via needs an http(s) URL");
                    break;
                case "--db-kill-cmd": o.DbKillCmd = Value(); break;
                case "--db-rejoin-cmd": o.DbRejoinCmd = Value(); break;
                case "--from-host-dll": o.FromHostDll = Value(); break;
                case "--stop":
                    o.StopWithSigterm = Value() switch
                    {
                        "kill" => false,
                        "term" => true,
                        var other => throw new UsageException($"--stop: expected kill or term, got '{other}'"),
                    };
                    break;
                case "--cycles": o.Cycles = Int(arg, Value(), 1, 20); break;
                case "--skew": o.Skew = Value(); break;
                case "--skewed-for": o.SkewedFor = Dbl(arg, Value(), 1, 600); break;
                case "--restart-after": o.RestartAfter = Dbl(arg, Value(), 0.5, 600); break;
                case "-h" or "--help": throw new UsageException("");
                default: throw new UsageException($"unknown option '{arg}'");
            }
        }

        if (string.IsNullOrEmpty(o.Connection))
        {
            throw new UsageException("--connection is required");
        }

        if (string.IsNullOrEmpty(o.HostDll) || !File.Exists(o.HostDll))
        {
            throw new UsageException($"--host-dll must name the built host ({(string.IsNullOrEmpty(o.HostDll) ? "missing" : o.HostDll + " not found")})");
        }

        if (o.Command == "db-outage" && (string.IsNullOrEmpty(o.DbStopCmd) || string.IsNullOrEmpty(o.DbStartCmd)))
        {
            throw new UsageException("db-outage needs --db-stop-cmd and --db-start-cmd");
        }

        if (o.Command == "failover" && (string.IsNullOrEmpty(o.DbKillCmd) || string.IsNullOrEmpty(o.DbRejoinCmd) || o.Via is null))
        {
            throw new UsageException("failover needs --via, --db-kill-cmd and --db-rejoin-cmd");
        }

        if (o.Command == "rolling-restart" && o.Via is null)
        {
            throw new UsageException("rolling-restart needs --via (HAProxy in front of the hosts; build/rolling-restart-test.sh starts it)");
        }

        if (o.Command == "upgrade" && (string.IsNullOrEmpty(o.FromHostDll) || !File.Exists(o.FromHostDll)))
        {
            throw new UsageException($"upgrade needs --from-host-dll naming the previous build's host ({o.FromHostDll ?? "missing"})");
        }

        o.ApplyDefaults();
        return o;
    }

    // Defaults per scenario; --quick keeps them short enough for CI.
    private void ApplyDefaults()
    {
        WorkDir ??= Path.Combine(".data", "bench", Command);
        switch (Command)
        {
            case "bench":
                Hosts = _hostsGiven ? Hosts : 1;
                if (Orders is null && Duration is null)
                {
                    Duration = Quick ? 15 : 60;
                }

                Concurrency ??= Quick ? 16 : 64;
                Warmup ??= Quick ? 100 : 500;
                break;
            case "crash":
                if (Orders is null && Duration is null)
                {
                    Duration = Quick ? 180 : 600; // an upper bound: the run ends after the kills and a tail
                }

                Concurrency ??= Quick ? 16 : 32;
                Warmup ??= 50;
                break;
            case "two-hosts":
                if (Orders is null && Duration is null)
                {
                    Duration = Quick ? 15 : 60;
                }

                Concurrency ??= Quick ? 16 : 64;
                Warmup ??= 50;
                break;
            case "db-outage":
                OutageAt ??= Quick ? 5 : 10;
                if (Orders is null && Duration is null)
                {
                    Duration = OutageAt + Outage + (Quick ? 10 : 20);
                }

                Concurrency ??= Quick ? 8 : 32;
                Warmup ??= 50;
                RequestTimeout ??= Math.Max(10, AnswerWithin * 2);
                break;
            case "upgrade":
                // Every kind of order the saga handles differently: approved, retried by Payments, never answered, declined.
                Tokens = _tokensGiven ? Tokens : [("tok_visa", 50), ("tok_flaky", 20), ("tok_timeout", 15), ("tok_declined", 15)];
                Duration ??= Quick ? 6 : 12; // load per run of the previous build
                Concurrency ??= 8;
                Warmup ??= 0;
                break;
            case "skewed-host":
                Hosts = 2;
                Tokens = _tokensGiven ? Tokens : [("tok_visa", 70), ("tok_flaky", 15), ("tok_timeout", 10), ("tok_declined", 5)];
                SkewedFor ??= Quick ? 10 : 30;
                Concurrency ??= Quick ? 8 : 16;
                Warmup ??= 20;
                DrainTimeout = Math.Min(DrainTimeout, 120); // far below the skew: no order may wait for it
                break;
            case "rolling-restart":
                Hosts = 2;
                RestartAfter ??= Quick ? 4 : 10;
                Concurrency ??= Quick ? 8 : 32;
                Warmup ??= 20;
                break;
            case "slow-neighbour":
                Hosts = 1;
                Warmup ??= 20;
                break;
            case "failover":
                Hosts = _hostsGiven ? Hosts : 3;
                Duration ??= 600; // an upper bound: the run ends a tail after the last step
                Concurrency ??= Quick ? 8 : 16;
                Warmup ??= 50;
                RequestTimeout ??= Math.Max(10, AnswerWithin * 2);
                break;
        }

        RequestTimeout ??= 30;
        if (Command != "bench" && Preload > 0)
        {
            throw new UsageException("--preload is only for bench");
        }
    }

    public int MaxOrders => Orders ?? MaxOrdersBound;

    public TimeSpan LoadDuration => TimeSpan.FromSeconds(Duration ?? MaxDurationSeconds);

    public string LoadDescription =>
        (Rate is { } r ? $"open loop at {r.ToString("0.#", CultureInfo.InvariantCulture)} orders/s offered" : $"closed loop with {Concurrency} workers")
        + (Orders is { } n ? $", {n} orders" : "")
        + (Duration is { } d ? $", {d.ToString("0.#", CultureInfo.InvariantCulture)} s" : "")
        + $", tokens {TokenDescription}, {Skus} SKUs x {UnitsPerSku(0)} units{(Scarce ? " (scarce)" : "")}"
        + (IdempotencyKeys ? ", Idempotency-Key sent" : ", no Idempotency-Key");

    public string TokenDescription => string.Join(',', Tokens.Select(t => $"{t.Token}={t.Weight.ToString(CultureInfo.InvariantCulture)}"));

    // Units seeded per SKU. --scarce: about half of the expected demand (average 2 units per line).
    public int UnitsPerSku(long expectedOrders)
    {
        if (OnHand is { } explicitUnits)
        {
            return explicitUnits;
        }

        if (!Scarce)
        {
            return 1_000_000;
        }

        var orders = expectedOrders > 0 ? expectedOrders : Orders ?? (long)((Rate ?? 200) * (Duration ?? 30));
        var demand = orders * ((1 + MaxLines) / 2.0) * ((1 + MaxQuantity) / 2.0);
        return (int)Math.Clamp(demand / 2 / Skus, 1, 1_000_000);
    }

    private static List<(string, double)> ParseTokens(string value)
    {
        var result = new List<(string, double)>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            var weight = kv.Length == 2 ? Dbl("--tokens", kv[1], 0, 1e9) : 1;
            if (kv[0].Length is 0 or > 128)
            {
                throw new UsageException($"--tokens: bad token '{kv[0]}'");
            }

            if (weight > 0)
            {
                result.Add((kv[0], weight));
            }
        }

        return result.Count > 0 ? result : throw new UsageException("--tokens: no token with a positive weight");
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new UsageException($"{name}: expected an integer in {min}..{max}, got '{value}'");

    private static double Dbl(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new UsageException($"{name}: expected a number in {min}..{max}, got '{value}'");
}
