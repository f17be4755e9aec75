namespace Rpa.Benchmarks.Running;

/// <summary>A prepared scenario: the measured operation, and a note on the preparation for the details.</summary>
internal sealed record Operation(Func<Task> RunAsync, string? Note = null)
{
    public static Operation Sync(Action run, string? note = null) => new(() =>
    {
        run();
        return Task.CompletedTask;
    }, note);
}
