using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using BotProblem = Rpa.Engine.Validation.ValidationProblem;

namespace Rpa.Host.Api;

/// <summary>Problem details (RFC 9457) the API answers with: field-level problems carry the activity id, the property and the message.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    /// <summary>A 400 listing every problem: <c>errors</c> by place ("activity:property") and <c>problems</c> as a list of objects.</summary>
    public static ValidationProblem Invalid(string title, IReadOnlyList<BotProblem> problems)
    {
        var errors = problems
            .GroupBy(Place, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        var list = problems.Select(ToJson).ToArray();
        return TypedResults.ValidationProblem(errors, title: title, detail: $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}",
            extensions: new Dictionary<string, object?> { ["problems"] = list });
    }

    public static ProblemItem ToJson(BotProblem problem) => new(problem.ActivityId, problem.Property, problem.Message);

    private static string Place(BotProblem problem) => (problem.ActivityId, problem.Property) switch
    {
        (null, null) => "bot",
        (null, var p) => p!,
        (var a, null) => a!,
        var (a, p) => $"{a}:{p}",
    };
}
