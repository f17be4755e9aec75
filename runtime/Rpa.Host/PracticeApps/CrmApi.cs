using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rpa.Host.PracticeApps;

/// <summary>The practice CRM at /crm: cookie login, a customers list, a "New customer" form with server-side validation.</summary>
internal static class CrmApi
{
    public const string CookieName = "rpa-practice-crm";

    public static void MapCrm(this IEndpointRouteBuilder app, PracticeAppsOptions options, CancellationToken stopping)
    {
        var state = new CrmState(options);
        var assets = new StaticFolder(Path.Combine(options.StaticRoot, "crm"));
        var crm = app.MapGroup("/crm");
        crm.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var route = http.GetEndpoint()?.Metadata.GetMetadata<CrmRoute>();
            if (route is null || route.Access == CrmAccess.Public || state.IsSession(http.Request.Cookies[CookieName])) return await next(context);
            return route.Access == CrmAccess.Api ? TypedResults.Unauthorized() : TypedResults.Redirect(route.BasePath(http.Request) + "/login");
        });

        Map(crm, "GET", "", CrmAccess.Page, (http, route) => TypedResults.Redirect(route.BasePath(http.Request) + "/customers"));

        Map(crm, "GET", "login", CrmAccess.Public, (http, route) => Html(CrmPages.Login(route.BasePath(http.Request), "", null)));

        Map(crm, "POST", "login", CrmAccess.Public, async (http, route) =>
        {
            var form = await ReadFormAsync(http);
            var user = form["username"].ToString().Trim();
            var basePath = route.BasePath(http.Request);
            if (!state.CheckCredentials(user, form["password"].ToString()))
            {
                return Html(CrmPages.Login(basePath, user, "Invalid username or password."), StatusCodes.Status401Unauthorized);
            }

            state.EndSession(http.Request.Cookies[CookieName]);
            http.Response.Cookies.Append(CookieName, state.StartSession(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Path = basePath.Length == 0 ? "/" : basePath,
                IsEssential = true,
            });
            return TypedResults.Redirect(basePath + "/customers");
        });

        Map(crm, "POST", "logout", CrmAccess.Public, (http, route) =>
        {
            var basePath = route.BasePath(http.Request);
            state.EndSession(http.Request.Cookies[CookieName]);
            http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = basePath.Length == 0 ? "/" : basePath });
            return TypedResults.Redirect(basePath + "/login");
        });

        Map(crm, "GET", "customers", CrmAccess.Page, (http, route) => Html(CrmPages.Customers(route.BasePath(http.Request), state.Customers())));

        Map(crm, "GET", "customers/new", CrmAccess.Page, (http, route) =>
            Html(CrmPages.NewCustomer(route.BasePath(http.Request), CrmCustomerForm.Empty, [])));

        Map(crm, "POST", "customers/new", CrmAccess.Page, async (http, route) =>
        {
            var form = CrmCustomerForm.From(await ReadFormAsync(http));
            var delay = state.SaveDelay(form.Name);
            if (delay > TimeSpan.Zero)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
                try
                {
                    await Task.Delay(delay, options.TimeProvider, wait.Token);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up (a bot's timeout) or the server is stopping: nothing is saved.
                    return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
            }

            var basePath = route.BasePath(http.Request);
            var errors = form.Validate();
            if (errors.Count > 0) return Html(CrmPages.NewCustomer(basePath, form, errors), StatusCodes.Status422UnprocessableEntity);
            return Html(CrmPages.Created(basePath, state.Add(form)));
        });

        Map(crm, "GET", "assets/{file}", CrmAccess.Public, (http, _) => assets.Serve(http, (string)http.GetRouteValue("file")!));

        Map(crm, "GET", "api/customers", CrmAccess.Api, (_, _) => TypedResults.Ok(state.Customers().Select(c => new
        {
            id = c.Id,
            name = c.Name,
            email = c.Email,
            phone = c.Phone,
            company = c.Company,
            country = c.Country,
            created = c.Created,
        })));

        Map(crm, "POST", "api/reset", CrmAccess.Public, (_, _) =>
        {
            state.Reset();
            return TypedResults.NoContent();
        });
    }

    private static void Map(RouteGroupBuilder group, string method, string local, CrmAccess access, Func<HttpContext, CrmRoute, IResult> handler) =>
        Map(group, method, local, access, (http, route) => Task.FromResult(handler(http, route)));

    private static void Map(RouteGroupBuilder group, string method, string local, CrmAccess access, Func<HttpContext, CrmRoute, Task<IResult>> handler)
    {
        var route = new CrmRoute(local, access);
        Func<HttpContext, Task<IResult>> endpoint = http => handler(http, route);
        group.MapMethods("/" + local, [method], endpoint).WithMetadata(route);
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpContext http) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html", Encoding.UTF8, status);
}
