using Microsoft.EntityFrameworkCore;
using Rpa.Runtime.Tests.Dispatch;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Store;

/// <summary>
/// <see cref="IRunStore.WriteProgressAsync"/>: a run's journal (inserted, then replaced as entries end), its logs and its
/// end in one write, the same on SQLite and on PostgreSQL (the journal upsert is one SQL statement for both).
/// </summary>
public abstract class RunProgressTests : IAsyncLifetime
{
    private IRunStore _store = null!;

    protected abstract Task<Func<RunDbContext>> CreateContextsAsync();

    public async Task InitializeAsync()
    {
        _store = new EfRunStore(await CreateContextsAsync(), TimeProvider.System);
        await _store.MigrateAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Journal_entries_are_inserted_as_they_start_and_replaced_as_they_end()
    {
        var run = await CreateRunningRunAsync();
        // To the microsecond: what PostgreSQL keeps.
        var started = new DateTime(2026, 11, 26, 8, 0, 0, 123, DateTimeKind.Utc).AddTicks(4560);

        await _store.WriteProgressAsync(new RunProgress(run.Id, [Entry(run.Id, 1, null, "Running", started, null), Entry(run.Id, 2, 1, "Running", started, null)], []), CancellationToken.None);
        await _store.WriteProgressAsync(new RunProgress(run.Id, [Entry(run.Id, 2, 1, "Succeeded", started, started.AddSeconds(1))], []), CancellationToken.None);

        var journal = await _store.GetJournalAsync(run.Id, CancellationToken.None);
        journal.Should().HaveCount(2);
        journal[0].Should().BeEquivalentTo(Entry(run.Id, 1, null, "Running", started, null));
        journal[1].Should().BeEquivalentTo(Entry(run.Id, 2, 1, "Succeeded", started, started.AddSeconds(1)));
        journal[1].EndedAt!.Value.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public async Task The_end_is_written_with_the_last_entries_and_logs()
    {
        var run = await CreateRunningRunAsync();
        var now = DateTime.UtcNow;
        var completion = new RunCompletion(RunState.Succeeded, now, "{\"total\":3}", null) { Worker = run.Worker };

        var ended = await _store.WriteProgressAsync(new RunProgress(run.Id, [Entry(run.Id, 1, null, "Succeeded", now, now)], [Log(run.Id, 1, "done")]) { Completion = completion }, CancellationToken.None);

        ended.Should().BeTrue();
        var stored = (await _store.GetRunAsync(run.Id, CancellationToken.None))!;
        stored.Status.Should().Be(RunState.Succeeded);
        stored.Outputs.Should().Be("{\"total\":3}");
        (await _store.GetJournalAsync(run.Id, CancellationToken.None)).Should().ContainSingle().Which.Status.Should().Be("Succeeded");
        (await _store.GetLogsAsync(run.Id, CancellationToken.None)).Should().ContainSingle().Which.Message.Should().Be("done");
    }

    [Fact]
    public async Task An_end_for_a_run_another_worker_holds_is_refused_and_the_journal_is_kept()
    {
        var run = await CreateRunningRunAsync();
        var now = DateTime.UtcNow;
        var completion = new RunCompletion(RunState.Succeeded, now, null, null) { Worker = "someone-else" };

        var ended = await _store.WriteProgressAsync(new RunProgress(run.Id, [Entry(run.Id, 1, null, "Succeeded", now, now)], [Log(run.Id, 1, "late")]) { Completion = completion }, CancellationToken.None);

        ended.Should().BeFalse();
        (await _store.GetRunAsync(run.Id, CancellationToken.None))!.Status.Should().Be(RunState.Running);
        (await _store.GetJournalAsync(run.Id, CancellationToken.None)).Should().ContainSingle();
        (await _store.GetLogsAsync(run.Id, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_journal_of_more_entries_than_one_statement_takes_is_written_whole()
    {
        var run = await CreateRunningRunAsync();
        var now = DateTime.UtcNow;
        var entries = Enumerable.Range(1, 1_234).Select(i => Entry(run.Id, i, i == 1 ? null : 1, "Succeeded", now, now)).ToList();

        await _store.WriteProgressAsync(new RunProgress(run.Id, entries, []), CancellationToken.None);

        var journal = await _store.GetJournalAsync(run.Id, CancellationToken.None);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 1_234).Select(i => (long)i));
    }

    private async Task<RunRecord> CreateRunningRunAsync()
    {
        var run = RunBotJobTests.NewQueuedRun("hello");
        await _store.CreateRunAsync(run, CancellationToken.None);
        (await _store.TryStartRunAsync(run.Id, "worker-1", null, CancellationToken.None)).Should().Be(RunStartOutcome.Started);
        return (await _store.GetRunAsync(run.Id, CancellationToken.None))!;
    }

    private static JournalRecord Entry(Guid runId, long sequence, long? parent, string status, DateTime startedAt, DateTime? endedAt) => new()
    {
        RunId = runId,
        Sequence = sequence,
        ParentSequence = parent,
        ActivityId = "a" + sequence,
        ActivityType = "SetVariable",
        Path = "flow/a" + sequence,
        Status = status,
        StartedAt = startedAt,
        EndedAt = endedAt,
        Json = $"{{\"sequence\":{sequence},\"status\":\"{status}\"}}",
    };

    private static RunLogRecord Log(Guid runId, long sequence, string message) => new()
    {
        RunId = runId,
        Sequence = sequence,
        Timestamp = DateTime.UtcNow,
        Level = "Information",
        Message = message,
    };
}

public sealed class RunProgressOnSqliteTests : RunProgressTests
{
    private SqliteTestStore? _sqlite;

    protected override async Task<Func<RunDbContext>> CreateContextsAsync()
    {
        _sqlite = await SqliteTestStore.CreateAsync();
        return _sqlite.Contexts;
    }

    public override Task DisposeAsync()
    {
        _sqlite?.Dispose();
        return Task.CompletedTask;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class RunProgressOnPostgresTests(PostgresCluster cluster) : RunProgressTests
{
    protected override async Task<Func<RunDbContext>> CreateContextsAsync()
    {
        var options = new DbContextOptionsBuilder<PostgresRunDbContext>().UseNpgsql(await cluster.CreateDatabaseAsync("progress")).Options;
        return () => new PostgresRunDbContext(options);
    }
}
