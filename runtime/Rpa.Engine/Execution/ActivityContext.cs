using Microsoft.Extensions.Logging;
using Rpa.Engine.Activities;
using Rpa.Engine.Journal;

namespace Rpa.Engine.Execution;

/// <summary>
/// What an activity sees while it runs: its inputs and outputs, variables, the clock, services, a logger,
/// cancellation, and a way to run its children. Passed as a parameter, never ambient.
/// </summary>
public sealed class ActivityContext
{
    private ILogger? _logger;
    private List<string>? _artifacts;
    private List<ReplayWrite>? _writes;

    internal ActivityContext(RunContext run, Activity activity, JournalEntry entry, VariableScope scope, CancellationToken cancellation)
    {
        Run = run;
        Activity = activity;
        Entry = entry;
        Scope = scope;
        CancellationToken = cancellation;
    }

    public RunContext Run { get; }

    public Activity Activity { get; }

    public JournalEntry Entry { get; }

    public VariableScope Scope { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The outcome the activity ends with; a flowchart follows the connections of this outcome.</summary>
    public string Outcome { get; set; } = Outcomes.Done;

    public string BotName => Run.Bot.Name;

    public TimeProvider Time => Run.Time;

    /// <summary>A logger whose events carry RunId, Bot and ActivityId, with secrets masked.</summary>
    public ILogger Logger => _logger ??= new ActivityLogger(Run.Logger, Activity.Id, Run.Masker);

    internal IReadOnlyList<string> Artifacts => _artifacts ?? (IReadOnlyList<string>)[];

    /// <summary>Set when the run keeps replay records and this activity is a leaf: its key in the <see cref="ReplayLog"/>.</summary>
    internal string? ReplayKey { get; init; }

    internal IReadOnlyList<ReplayWrite> Writes => _writes ?? (IReadOnlyList<ReplayWrite>)[];

    /// <summary>Reads an input: evaluates its expression, converts it, and records it (masked) in the journal.</summary>
    public T Get<T>(Input<T> input)
    {
        var value = input.Resolve(this);
        if (input.Name.Length > 0) Entry.RecordInput(input.Name, input.Secret ? SecretMasker.Mask : Run.Masker.MaskValue(value));
        if (input.Secret && value is string secret) Run.Masker.Add(secret);
        return value;
    }

    /// <summary>Writes an output: records it in the journal and stores it in the variable the bot bound to it.</summary>
    public void Set<T>(Output<T> output, T value)
    {
        if (output.Name.Length > 0) Entry.RecordOutput(output.Name, Run.Masker.MaskValue(value));
        if (output.Variable is not null) Write(output.Variable, value);
    }

    /// <summary>Writes a variable (or bot output) by name: the value is converted to the variable's type.</summary>
    public void SetVariable(string name, object? value) => Write(name, value);

    /// <summary>
    /// Pauses the run here until someone answers: throw what this returns. The runner stores the run as waiting with a
    /// <see cref="Bookmark"/> named <paramref name="name"/> carrying <paramref name="payload"/>; when the run resumes, this
    /// activity runs again and <see cref="TryTakeResumeValue"/> gives it the answer. Only for <see cref="IBookmarkActivity"/> activities.
    /// </summary>
    public Exception Suspend(string name, System.Text.Json.Nodes.JsonObject payload)
    {
        if (ReplayKey is null)
        {
            return new InvalidOperationException($"{Activity.TypeName} pauses the run, so it must implement IBookmarkActivity.");
        }

        var bookmark = new Bookmark(Guid.NewGuid().ToString("N"), name, Activity.Id, Activity.TypeName, Entry.Path, payload, Time.GetUtcNow());
        return new RunSuspendedException(bookmark, ReplayKey);
    }

    /// <summary>The answer to this activity's bookmark when the run resumes here; false the first time it runs.</summary>
    public bool TryTakeResumeValue(out System.Text.Json.Nodes.JsonObject value)
    {
        if (ReplayKey is not null && Run.Replay is { } replay) return replay.TryTakeResumeValue(ReplayKey, out value);
        value = null!;
        return false;
    }

    private void Write(string name, object? value)
    {
        Scope.Set(name, value);
        if (Scope.Find(name) is { Secret: true, Value: string secretOutput })
        {
            // A secret output is a secret from the moment it is set, also in this activity's own entry.
            Run.Masker.Add(secretOutput);
            Entry.Remask(Run.Masker);
        }

        if (ReplayKey is null) return;
        var stored = Scope.Find(name)?.Value;
        var secret = stored is string text && !string.Equals(Run.Masker.MaskText(text), text, StringComparison.Ordinal);
        (_writes ??= []).Add(new ReplayWrite(name, Values.ValueConverter.ToJson(stored), secret));
    }

    public T GetRequiredService<T>() where T : notnull =>
        (T?)Run.Services?.GetService(typeof(T))
        ?? throw new InvalidOperationException($"The service {typeof(T).Name} is not registered; add it to the runtime (services.AddRpa).");

    public T? GetService<T>() => (T?)Run.Services?.GetService(typeof(T));

    /// <summary>Marks a value as secret for the rest of the run: it is masked wherever it would be written.</summary>
    public void AddSecret(string value) => Run.Masker.Add(value);

    /// <summary>Notes a file this activity produced (screenshot, PDF); it is listed in the journal's error when the activity fails.</summary>
    public void AddArtifact(string path)
    {
        (_artifacts ??= []).Add(path);
        Entry.RecordOutput("artifact", path);
    }

    /// <summary>
    /// Evaluates a JavaScript expression in the run's sandbox with extra variables (e.g. <c>row</c> for per-row
    /// expressions of data activities). Compile the expression once with <see cref="Expressions.ExpressionCompiler.CompileJavaScript"/>
    /// (in the activity's Validate or lazily) and reuse it for every row.
    /// </summary>
    public object? Evaluate(Expressions.JavaScriptExpression expression, VariableScope scope) => Run.JavaScript.Evaluate(expression, scope);

    /// <summary>
    /// A file path as the bot means it: relative paths are relative to the bot's folder (or the current directory). When the
    /// run has <see cref="RunOptions.FileRoots"/>, a path outside them (traversal, absolute, symbolic links) is refused.
    /// Every file activity goes through here.
    /// </summary>
    public string ResolvePath(string path)
    {
        var full = Path.GetFullPath(path, Path.GetFullPath(Run.Bot.Location ?? Run.Options.WorkingDirectory ?? Directory.GetCurrentDirectory()));
        if (Run.Options.FileRoots is { } roots) FileRoots.Ensure([.. roots, Run.ArtifactsDirectory], path, full, $"{Activity.Id}");
        return full;
    }

    /// <summary>A new file path in the run's artifacts folder, named after this activity: "{activityId}-{n}{extension}".</summary>
    public string NewArtifactPath(string extension)
    {
        var folder = Run.ArtifactsDirectory;
        Directory.CreateDirectory(folder);
        var stamp = Time.GetUtcNow().ToString("HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"{Activity.Id}-{Entry.Sequence}-{stamp}{extension}";
        return Path.Combine(folder, name);
    }

    /// <summary>Runs a child activity and returns its outcome. Failures propagate as <see cref="ActivityFaultException"/>.</summary>
    public ValueTask<string> RunAsync(Activity child, VariableScope? scope = null, int? iteration = null, CancellationToken? cancellation = null) =>
        Run.ExecuteAsync(child, Entry.Sequence, scope ?? Scope, iteration, cancellation ?? CancellationToken);
}
