using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Hosting;

namespace Rpa.Runtime.Queues;

/// <summary>
/// On start-up (after the bots folder), saves the queues of <c>queues.json</c> (<see cref="RuntimeOptions.QueuesFile"/>, by
/// default in the bots folder): <c>{ "queues": [ { "name", "bot", "description", "maxAttempts", "leaseSeconds" } ] }</c>.
/// A queue with problems is skipped with a warning that names the file, the queue and the field.
/// </summary>
public sealed class QueuesFileImporter(QueueCatalog catalog, IOptions<RuntimeOptions> options, ILogger<QueuesFileImporter> logger) : IHostedService
{
    public const string FileName = "queues.json";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var file = options.Value.QueuesFile is { Length: > 0 } given ? Path.GetFullPath(given)
            : string.IsNullOrWhiteSpace(options.Value.BotsDirectory) ? null
            : Path.Combine(Path.GetFullPath(options.Value.BotsDirectory), FileName);
        if (file is null || !File.Exists(file)) return;
        await ImportAsync(file, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Saves every valid queue in <paramref name="file"/>; returns their names.</summary>
    public async Task<IReadOnlyList<string>> ImportAsync(string file, CancellationToken cancellationToken)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException e)
        {
            logger.LogWarning("{File} is not valid JSON ({Reason}); no queues imported", file, e.Message);
            return [];
        }

        if (json?["queues"] is not JsonArray list)
        {
            logger.LogWarning("{File} has no \"queues\" array; no queues imported", file);
            return [];
        }

        var saved = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var name = list[i]?["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (name is null) errors[$"queues[{i}].name"] = ["is required"];
            var definition = QueueDefinition.Read(name ?? "", list[i], $"queues[{i}]", errors);
            if (definition is not null && name is not null)
            {
                var (problems, _) = await catalog.SaveAsync(definition, cancellationToken).ConfigureAwait(false);
                foreach (var (field, messages) in problems) errors[$"queues[{i}].{field}"] = messages;
            }

            if (errors.Count > 0)
            {
                logger.LogWarning("{File}: queue {Queue} was not imported: {Problems}", file, name ?? $"#{i + 1}",
                    string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
                continue;
            }

            logger.LogInformation("Imported queue {Queue} (bot {Bot}) from {File}", name, definition!.Bot, file);
            saved.Add(name!);
        }

        return saved;
    }
}
