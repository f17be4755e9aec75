using Microsoft.AspNetCore.Http;

namespace Rpa.Host.Api.Security;

/// <summary>The 401 and 403 problem details of the API.</summary>
public static class SecurityProblems
{
    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
