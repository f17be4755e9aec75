namespace Rpa.Engine.Validation;

/// <summary>One thing wrong with a bot definition: where (activity id, property) and why.</summary>
public sealed record ValidationProblem(string? ActivityId, string? Property, string Message)
{
    public override string ToString()
    {
        var where = (ActivityId, Property) switch
        {
            (null, null) => "bot",
            (null, var p) => p!,
            (var a, null) => $"activity '{a}'",
            var (a, p) => $"activity '{a}', {p}",
        };
        return $"{where}: {Message}";
    }
}
