using System.Collections.Concurrent;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Store;

namespace Rpa.Runtime.Tests.Queues;

/// <summary>The claim itself, on a SQLite store with no worker: the order items are taken in, and concurrent claimers never share an item.</summary>
public sealed class QueueClaimTests : IAsyncLifetime
{
    private SqliteTestStore _sqlite = null!;
    private EfQueueStore _queues = null!;

    [Fact]
    public async Task Items_are_taken_by_priority_then_earliest_deadline_then_oldest()
    {
        var now = DateTime.UtcNow;
        await AddAsync("order",
            Item("low-old", 0, null),
            Item("high-no-deadline", 5, null),
            Item("high-late", 5, now.AddDays(2)),
            Item("high-soon", 5, now.AddHours(1)),
            Item("low-soon", 0, now.AddMinutes(5)));

        var taken = new List<string>();
        while (await _queues.TryClaimAsync("order", "w:1:a", Guid.NewGuid(), CancellationToken.None) is { } item) taken.Add(item.Reference);

        taken.Should().Equal("high-soon", "high-late", "high-no-deadline", "low-soon", "low-old");
    }

    [Fact]
    public async Task A_claim_marks_the_item_in_progress_with_the_lease_the_attempt_and_the_run()
    {
        await AddAsync("claim", Item("one", 0, null));
        var run = Guid.NewGuid();

        var item = await _queues.TryClaimAsync("claim", "w:1:a", run, CancellationToken.None);

        item!.Status.Should().Be(QueueItemStatus.InProgress);
        item.Attempts.Should().Be(1);
        item.RunId.Should().Be(run);
        item.RunIds.Should().Be(run.ToString());
        item.LeaseOwner.Should().Be("w:1:a");
        item.LeaseExpiresAt.Should().BeAfter(DateTime.UtcNow.AddSeconds(20));
        (await _queues.TryClaimAsync("claim", "w:1:a", Guid.NewGuid(), CancellationToken.None)).Should().BeNull("nothing else is new");
        (await _queues.CompleteAttemptAsync(item.Id, Guid.NewGuid(), new QueueItemOutcome(QueueItemStatus.Successful, "{}", null), CancellationToken.None))
            .Should().BeFalse("another run's outcome does not touch the item");
    }

    [Fact]
    public async Task Eight_concurrent_claimers_take_sixty_items_each_exactly_once()
    {
        await AddAsync("race", Enumerable.Range(1, 60).Select(i => Item($"r-{i}", i % 3, null)).ToArray());
        var taken = new ConcurrentBag<(string Worker, string Reference)>();

        await Task.WhenAll(Enumerable.Range(1, 8).Select(w => Task.Run(async () =>
        {
            while (await _queues.TryClaimAsync("race", $"w:{w}:x", Guid.NewGuid(), CancellationToken.None) is { } item) taken.Add(($"w{w}", item.Reference));
        })));

        taken.Select(t => t.Reference).Should().HaveCount(60).And.OnlyHaveUniqueItems();
        var items = await _queues.ListItemsAsync(new QueueItemQuery("race") { Limit = 1000 }, CancellationToken.None);
        items.Should().OnlyContain(i => i.Status == QueueItemStatus.InProgress && i.Attempts == 1);
    }

    public async Task InitializeAsync()
    {
        _sqlite = await SqliteTestStore.CreateAsync();
        _queues = new EfQueueStore(_sqlite.Contexts, TimeProvider.System);
    }

    public Task DisposeAsync()
    {
        _sqlite.Dispose();
        return Task.CompletedTask;
    }

    private static QueueItemRecord Item(string reference, int priority, DateTime? deadline) =>
        new() { QueueName = "", Reference = reference, Priority = priority, Deadline = deadline };

    private async Task AddAsync(string queue, params QueueItemRecord[] items)
    {
        await _queues.SaveQueueAsync(new QueueRecord { Name = queue, BotName = "any", LeaseDuration = TimeSpan.FromSeconds(30) }, CancellationToken.None);
        foreach (var item in items)
        {
            item.QueueName = queue;
            await _queues.AddItemsAsync([item], CancellationToken.None); // one by one: created times in this order
        }
    }
}
