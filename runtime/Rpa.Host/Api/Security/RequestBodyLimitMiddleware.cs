using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>
/// Bodies larger than Rpa:Security:MaxRequestBodyBytes get 413 problem details: at once when Content-Length says so, and
/// through the server's body size limit (Kestrel stops reading there) for chunked bodies.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            await Results.Problem(
                detail: $"The body has {context.Request.ContentLength} bytes; the limit is {limit} (Rpa:Security:MaxRequestBodyBytes).",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload too large").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
