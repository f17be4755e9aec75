using System.Text.Json.Nodes;

namespace Rpa.Engine.Execution;

/// <summary>
/// Where a waiting run paused: the activity that waits, what it waits for (<see cref="Name"/>, e.g. "approval") and
/// what a person needs to decide (<see cref="Payload"/>, e.g. title and details). A run resumes when the bookmark is answered.
/// </summary>
public sealed record Bookmark(string Id, string Name, string ActivityId, string ActivityType, string Path, JsonObject Payload, DateTimeOffset CreatedAt);
