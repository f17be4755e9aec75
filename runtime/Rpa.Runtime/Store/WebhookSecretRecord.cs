namespace Rpa.Runtime.Store;

/// <summary>The secret of one webhook trigger, as a SHA-256 hash (the secret itself is shown once, when it is made, and never stored).</summary>
public sealed class WebhookSecretRecord
{
    public required string BotName { get; set; }

    /// <summary>The webhook trigger's name in the bot's triggers.</summary>
    public required string Hook { get; set; }

    /// <summary>SHA-256 of the secret's UTF-8 bytes, lower-case hex.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedAt { get; set; }
}
