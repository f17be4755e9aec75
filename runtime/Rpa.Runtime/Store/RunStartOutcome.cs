namespace Rpa.Runtime.Store;

/// <summary>What <see cref="IRunStore.TryStartRunAsync"/> did.</summary>
public enum RunStartOutcome
{
    /// <summary>The run moved from Queued to Running: the caller runs it.</summary>
    Started,

    /// <summary>The run was not queued (already started, ended or cancelled): nothing to do.</summary>
    NotQueued,

    /// <summary>The run is still queued because its bot already has as many running runs as its concurrency limit allows.</summary>
    AtLimit,
}
