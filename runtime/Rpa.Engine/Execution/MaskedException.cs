namespace Rpa.Engine.Execution;

/// <summary>
/// Stands in for an exception whose text holds a secret of the run, when it is handed to a logger: the same type name and
/// stack trace, with every secret masked. The original is never written.
/// </summary>
public sealed class MaskedException(string typeName, string message, string? stackTrace) : Exception(message)
{
    public string OriginalType { get; } = typeName;

    public override string? StackTrace { get; } = stackTrace;

    public override string ToString() => $"{OriginalType}: {Message}{(StackTrace is null ? "" : Environment.NewLine + StackTrace)}";

    /// <summary>The exception itself when its text shows no secret, else a masked stand-in.</summary>
    public static Exception? Mask(Exception? exception, SecretMasker masker)
    {
        if (exception is null || masker.IsEmpty) return exception;
        var text = exception.ToString();
        var masked = masker.MaskText(text);
        if (string.Equals(text, masked, StringComparison.Ordinal)) return exception;
        return new MaskedException(exception.GetType().FullName ?? exception.GetType().Name, masker.MaskText(exception.Message), masked);
    }
}
