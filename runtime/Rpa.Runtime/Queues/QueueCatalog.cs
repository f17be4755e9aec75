using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Queues;

/// <summary>Saves queue definitions after checking them (a name, a published bot with an <c>item</c> input, a lease the sweeper can keep), and adds items.</summary>
public sealed partial class QueueCatalog(IQueueStore queues, IRunStore store, BotCache bots, QueueDispatch dispatch, IOptions<RuntimeOptions> options)
{
    public static bool IsValidName(string name) => Name().IsMatch(name);

    /// <summary>Checks and saves a definition; returns the problems by field (none: saved) and whether it was created.</summary>
    public async Task<(IDictionary<string, string[]> Errors, bool Created)> SaveAsync(QueueDefinition definition, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!IsValidName(definition.Name)) errors["name"] = [$"'{definition.Name}' is not a queue name (1 to 100 letters, digits, '_', '-', '.'; starting with a letter or digit)"];
        var bot = await store.GetBotAsync(definition.Bot, cancellationToken).ConfigureAwait(false);
        if (bot is null) errors["bot"] = [$"there is no bot '{definition.Bot}'"];
        else if (bot.PublishedVersion is not { } version) errors["bot"] = [$"bot '{definition.Bot}' has no published version"];
        else
        {
            var compiled = await bots.GetAsync(bot.Name, version, cancellationToken).ConfigureAwait(false);
            var input = compiled?.Bot?.Definition.Inputs.FirstOrDefault(i => i.Name == QueueItemInput.Name);
            if (input is null) errors["bot"] = [$"bot '{definition.Bot}' (version {version}) has no input '{QueueItemInput.Name}' (type object) to receive the queue item"];
        }

        var minimumLease = options.Value.QueueSweepInterval * 3;
        if (TimeSpan.FromSeconds(definition.LeaseSeconds) < minimumLease)
        {
            errors["leaseSeconds"] = [$"must be at least {minimumLease.TotalSeconds:0.###} s: three times Rpa:QueueSweepInterval, how often a worker renews its leases"];
        }

        if (errors.Count > 0) return (errors, false);
        var created = await queues.SaveQueueAsync(new QueueRecord
        {
            Name = definition.Name,
            BotName = definition.Bot,
            Description = definition.Description,
            MaxAttempts = definition.MaxAttempts,
            LeaseDuration = TimeSpan.FromSeconds(definition.LeaseSeconds),
        }, cancellationToken).ConfigureAwait(false);

        // Items that waited for a (published) bot go now.
        var counts = await queues.CountItemsAsync(definition.Name, cancellationToken).ConfigureAwait(false);
        if (counts.TryGetValue(definition.Name, out var statuses) && statuses.TryGetValue(QueueItemStatus.New, out var waiting))
        {
            await dispatch.DispatchAsync(definition.Name, waiting, cancellationToken).ConfigureAwait(false);
        }

        return (errors, created);
    }

    /// <summary>Adds items to a queue (references already there are not added again) and dispatches one job per added item.</summary>
    public async Task<IReadOnlyList<(QueueItemRecord Item, bool Added)>> AddItemsAsync(IReadOnlyList<QueueItemRecord> items, CancellationToken cancellationToken)
    {
        var results = await queues.AddItemsAsync(items, cancellationToken).ConfigureAwait(false);
        foreach (var queue in results.Where(r => r.Added).GroupBy(r => r.Item.QueueName, StringComparer.Ordinal))
        {
            await dispatch.DispatchAsync(queue.Key, queue.Count(), cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex Name();
}
