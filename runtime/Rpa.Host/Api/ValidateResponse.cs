namespace Rpa.Host.Api;

/// <summary>The answer of POST /api/bots/validate: valid or not, with every problem.</summary>
public sealed record ValidateResponse(string? Bot, bool Valid, string Queue, IReadOnlyList<ProblemItem> Problems);
