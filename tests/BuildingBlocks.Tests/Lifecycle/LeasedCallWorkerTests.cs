using System.Collections.Concurrent;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.BuildingBlocks.Tests.Lifecycle;

// The worker behind the payment calls, the refunds and the webhooks: its bound on calls in flight, a failed call
// not stopping the others, and a stop waiting for the calls in flight. The claims are an in-memory queue here: what
// the database does with leases is tested with each module's claims.
public sealed class LeasedCallWorkerTests
{
    [Fact]
    public async Task Given_more_due_work_than_the_bound_When_calls_are_slow_Then_no_more_than_the_bound_run_at_once_and_all_are_made()
    {
        var worker = new QueueWorker(maxInFlight: 2, Enumerable.Range(0, 7).Select(_ => new Claim(Guid.NewGuid())));
        await worker.StartAsync(CancellationToken.None);

        await worker.AllCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);

        worker.Called.Count.ShouldBe(7);
        worker.MostAtOnce.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_call_that_throws_When_it_fails_Then_it_is_reported_and_the_others_are_still_made()
    {
        var failing = new Claim(Guid.NewGuid());
        var worker = new QueueWorker(maxInFlight: 1, [failing, new Claim(Guid.NewGuid()), new Claim(Guid.NewGuid())]) { Fails = failing };
        await worker.StartAsync(CancellationToken.None);

        await worker.AllCalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);

        worker.Failed.ShouldBe([failing]);
        worker.Called.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_call_in_flight_When_the_host_stops_Then_the_stop_waits_for_it()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = new QueueWorker(maxInFlight: 1, [new Claim(Guid.NewGuid())]) { Gate = release.Task };
        await worker.StartAsync(CancellationToken.None);
        await worker.FirstCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stop = worker.StopAsync(CancellationToken.None);
        await Task.Delay(200);
        stop.IsCompleted.ShouldBeFalse("the call has not finished");
        release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(30));

        worker.Called.Count.ShouldBe(1);
    }

    private sealed record Claim(Guid LeaseId) : ILeasedClaim;

    private sealed class Signal : WakeSignal;

    private sealed class QueueWorker : LeasedCallWorker<Claim>
    {
        private readonly ConcurrentQueue<Claim> _due;
        private readonly int _total;
        private int _running;

        public QueueWorker(int maxInFlight, IEnumerable<Claim> due)
            : base(new Signal(), Migrated())
        {
            MaxInFlight = maxInFlight;
            _due = new ConcurrentQueue<Claim>(due);
            _total = _due.Count;
        }

        public ConcurrentBag<Claim> Called { get; } = [];

        public ConcurrentBag<Claim> Failed { get; } = [];

        public int MostAtOnce { get; private set; }

        public Claim? Fails { get; init; }

        public Task? Gate { get; init; }

        public TaskCompletionSource AllCalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override int MaxInFlight { get; }

        protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(100);

        protected override TimeSpan Lease => TimeSpan.FromSeconds(30);

        protected override Task<IReadOnlyList<Claim>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
        {
            var claimed = new List<Claim>();
            while (claimed.Count < limit && _due.TryDequeue(out var claim))
            {
                claimed.Add(claim);
            }

            return Task.FromResult<IReadOnlyList<Claim>>(claimed);
        }

        protected override Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken) =>
            Task.FromResult<TimeSpan?>(_due.IsEmpty ? null : TimeSpan.Zero);

        protected override async Task CallAsync(Claim claim, CancellationToken cancellationToken)
        {
            var running = Interlocked.Increment(ref _running);
            lock (Called)
            {
                MostAtOnce = Math.Max(MostAtOnce, running);
            }

            FirstCallStarted.TrySetResult();
            try
            {
                await (Gate ?? Task.Delay(300, cancellationToken));
                if (claim == Fails)
                {
                    throw new InvalidOperationException("the provider answered 500");
                }
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                Called.Add(claim);
                if (Called.Count == _total)
                {
                    AllCalled.TrySetResult();
                }
            }
        }

        protected override void OnClaimFailed(Exception exception, TimeSpan retryIn)
        {
        }

        protected override void OnCallFailed(Exception exception, Claim claim) => Failed.Add(claim);

        private static MigrationState Migrated()
        {
            var state = new MigrationState();
            state.MarkMigrated();
            return state;
        }
    }
}
