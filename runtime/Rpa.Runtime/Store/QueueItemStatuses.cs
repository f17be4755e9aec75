namespace Rpa.Runtime.Store;

/// <summary>Queue item statuses as the API and the docs write them: new, inProgress, waiting, successful, failed.</summary>
public static class QueueItemStatuses
{
    public static string ToApiName(this QueueItemStatus status) => status switch
    {
        QueueItemStatus.InProgress => "inProgress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string text, out QueueItemStatus status)
    {
        foreach (var candidate in Enum.GetValues<QueueItemStatus>())
        {
            if (string.Equals(candidate.ToApiName(), text, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
