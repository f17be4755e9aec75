namespace Rpa.Runtime.Store;

/// <summary>Conveniences over <see cref="RunState"/>.</summary>
public static class RunStates
{
    public static bool IsFinal(this RunState state) => state is RunState.Succeeded or RunState.Failed or RunState.Cancelled;

    /// <summary>The state's name as the API shows it: lower case ("queued", "succeeded").</summary>
    public static string ToApiName(this RunState state) => state.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out RunState state) =>
        Enum.TryParse(text, ignoreCase: true, out state) && Enum.IsDefined(state);
}
