using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Triggers;

/// <summary>
/// Watches the folder of every published fileDrop trigger. A new file (settled: unchanged for
/// <see cref="RuntimeOptions.FileDropSettleTime"/>) is claimed by renaming it into processing/ under a name that carries
/// the id of the run it starts ("RUNID_name"); a rename succeeds once, so across restarts and across processes on one
/// machine a file starts one run. When the run ends the file moves to done/ or failed/ (with NAME.error.txt saying why).
/// A claimed file whose run was never created (the process died between the two steps) gets its run on the next scan.
/// Scans run every <see cref="RuntimeOptions.FileDropScanInterval"/>, and at once when a watcher sees a new file.
/// </summary>
public sealed class FileDropWatcher(
    TriggerCatalog triggers,
    RunLauncher launcher,
    IRunStore store,
    IOptions<RuntimeOptions> options,
    TimeProvider time,
    ILogger<FileDropWatcher> logger) : BackgroundService
{
    public const string Processing = "processing";
    public const string Done = "done";
    public const string Failed = "failed";

    private readonly ConcurrentDictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _scanning = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.FileDrops) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "File drop: a scan failed; the next one tries again");
            }

            try
            {
                await _wake.WaitAsync(settings.FileDropScanInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        foreach (var watcher in _watchers.Values) watcher.Dispose();
        _watchers.Clear();
        _wake.Dispose();
        _scanning.Dispose();
        base.Dispose();
    }

    /// <summary>One pass over every published file drop: files of ended runs are filed, new files start runs. Returns the runs started.</summary>
    public async Task<IReadOnlyList<Guid>> ScanAsync(CancellationToken cancellationToken)
    {
        await _scanning.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = new List<Guid>();
            var folders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var published in await triggers.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (published.Trigger is not FileDropTrigger drop) continue;
                var folder = drop.ResolveFolder(published.Compiled.Location, options.Value.ResolvedDataDirectory);
                if (!Directory.Exists(folder))
                {
                    logger.LogDebug("File drop {Trigger} of bot {Bot}: folder {Folder} does not exist", drop.Name, published.Bot, folder);
                    continue;
                }

                folders.Add(folder);
                Watch(folder);
                await FileEndedAsync(published, drop, folder, cancellationToken).ConfigureAwait(false);
                started.AddRange(await PickNewAsync(published, drop, folder, cancellationToken).ConfigureAwait(false));
            }

            foreach (var gone in _watchers.Keys.Where(f => !folders.Contains(f)).ToList())
            {
                if (_watchers.TryRemove(gone, out var watcher)) watcher.Dispose();
            }

            return started;
        }
        finally
        {
            _scanning.Release();
        }
    }

    private async Task<List<Guid>> PickNewAsync(PublishedTrigger published, FileDropTrigger drop, string folder, CancellationToken cancellationToken)
    {
        var started = new List<Guid>();
        var settled = time.GetUtcNow().UtcDateTime - options.Value.FileDropSettleTime;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles(drop.Pattern, SearchOption.TopDirectoryOnly).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (file.Name.StartsWith('.') || file.LastWriteTimeUtc > settled) continue;
            var runId = Guid.CreateVersion7();
            var claimed = Path.Combine(folder, Processing, $"{runId:N}_{file.Name}");
            try
            {
                Directory.CreateDirectory(Path.Combine(folder, Processing));
                // A rename: atomic, and only one of several processes renaming the same file succeeds (unique target, so overwrite never applies).
                File.Move(file.FullName, claimed, overwrite: true);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                logger.LogDebug(e, "File drop {Trigger}: {File} was taken by another process or is in use", drop.Name, file.FullName);
                continue;
            }

            if (await StartAsync(published, drop, claimed, file.FullName, runId, cancellationToken).ConfigureAwait(false)) started.Add(runId);
        }

        return started;
    }

    private async Task<bool> StartAsync(PublishedTrigger published, FileDropTrigger drop, string claimed, string original, Guid runId, CancellationToken cancellationToken)
    {
        var inputs = (JsonObject)drop.Inputs.DeepClone();
        inputs[drop.Input] = claimed;
        RunStartResult result;
        try
        {
            result = await launcher.StartAsync(
                new RunRequest(published.Bot, inputs, $"file:{original}") { Version = published.Version, RunId = runId },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            if (await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is not null) return false; // Another process created it a moment earlier.
            throw;
        }

        if (result.Run is not null)
        {
            logger.LogInformation("File drop {Trigger} of bot {Bot}: {File} started run {RunId}", drop.Name, published.Bot, original, runId);
            return true;
        }

        var reason = result.NotFound ?? string.Join("; ", result.Problems);
        logger.LogError("File drop {Trigger} of bot {Bot}: {File} could not start a run: {Reason}", drop.Name, published.Bot, original, reason);
        await FileAsync(claimed, Path.GetDirectoryName(Path.GetDirectoryName(claimed)!)!, Failed, $"the run could not start: {reason}").ConfigureAwait(false);
        return false;
    }

    /// <summary>Moves the claimed files whose runs ended to done/ or failed/; starts the run of a claimed file that has none.</summary>
    private async Task FileEndedAsync(PublishedTrigger published, FileDropTrigger drop, string folder, CancellationToken cancellationToken)
    {
        var processing = Path.Combine(folder, Processing);
        if (!Directory.Exists(processing)) return;
        foreach (var file in Directory.EnumerateFiles(processing))
        {
            var name = Path.GetFileName(file);
            if (name.Length < 34 || name[32] != '_' || !Guid.TryParseExact(name[..32], "N", out var runId)) continue;
            var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run is null)
            {
                // Claimed, but the process stopped before the run was created: create it now (the id in the name makes this happen once).
                if (File.GetLastWriteTimeUtc(file) <= time.GetUtcNow().UtcDateTime - options.Value.FileDropSettleTime)
                {
                    await StartAsync(published, drop, file, Path.Combine(folder, name[33..]), runId, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            switch (run.Status)
            {
                case RunState.Succeeded:
                    await FileAsync(file, folder, Done, null).ConfigureAwait(false);
                    break;
                case RunState.Failed or RunState.Cancelled:
                    await FileAsync(file, folder, Failed, $"run {run.Id} {run.Status.ToApiName()}: {ErrorMessage(run)}").ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Moves a claimed file to done/ or failed/ under its own name (with the run id added when that name is taken); a failure gets NAME.error.txt.</summary>
    private async Task FileAsync(string claimed, string folder, string outcome, string? error)
    {
        var name = Path.GetFileName(claimed);
        var original = name.Length > 33 && name[32] == '_' ? name[33..] : name;
        var targetFolder = Path.Combine(folder, outcome);
        Directory.CreateDirectory(targetFolder);
        var target = Path.Combine(targetFolder, original);
        if (File.Exists(target)) target = Path.Combine(targetFolder, $"{Path.GetFileNameWithoutExtension(original)}-{name[..Math.Min(32, name.Length)]}{Path.GetExtension(original)}");
        try
        {
            File.Move(claimed, target, overwrite: true);
        }
        catch (FileNotFoundException)
        {
            return; // Another process filed it.
        }

        if (error is not null)
        {
            await File.WriteAllTextAsync(target + ".error.txt", error + Environment.NewLine).ConfigureAwait(false);
        }
    }

    private static string ErrorMessage(RunRecord run)
    {
        if (run.Error is null) return "no reason recorded";
        try
        {
            return JsonNode.Parse(run.Error) is JsonObject error && error["message"] is JsonValue message ? message.ToString() : run.Error;
        }
        catch (System.Text.Json.JsonException)
        {
            return run.Error;
        }
    }

    private void Watch(string folder)
    {
        if (_watchers.ContainsKey(folder)) return;
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        watcher.EnableRaisingEvents = true;
        if (!_watchers.TryAdd(folder, watcher)) watcher.Dispose();
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0) _wake.Release();
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
        }
    }
}
