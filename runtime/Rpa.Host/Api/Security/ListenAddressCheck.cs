using System.Net;

namespace Rpa.Host.Api.Security;

/// <summary>`rpa serve` listens on plain HTTP only on loopback, unless Rpa:Security:AllowInsecureHttp (--allow-insecure-http) says otherwise.</summary>
public static class ListenAddressCheck
{
    /// <summary>Why these URLs are refused, or null when they are fine.</summary>
    public static string? Problem(string urls, bool allowInsecureHttp)
    {
        if (allowInsecureHttp) return null;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) continue;
            var host = HostOf(url);
            if (!IsLoopback(host))
            {
                return $"refusing to listen on {url}: plain HTTP on an address other than loopback would send passwords, cookies and API keys unencrypted. "
                    + "Listen on https:// (with a certificate), or on 127.0.0.1 behind a reverse proxy that terminates HTTPS, "
                    + "or pass --allow-insecure-http (Rpa:Security:AllowInsecureHttp=true) if the network is trusted. See docs/security.md.";
            }
        }

        return null;
    }

    private static string HostOf(string url)
    {
        var rest = url["http://".Length..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        if (end >= 0) rest = rest[..end];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[1..close] : rest;
        }

        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
