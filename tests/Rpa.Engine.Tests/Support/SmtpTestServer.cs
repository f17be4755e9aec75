using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Rpa.Engine.Tests.Support;

/// <summary>
/// A small SMTP server on 127.0.0.1 (a free port) for tests: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
/// It keeps every message it accepted, parsed by MimeKit, with the envelope and the login that sent it.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpTestServer(string? username = null, string? password = null)
    {
        Username = username;
        Password = password;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string? Username { get; }

    public string? Password { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>Logins that were refused (wrong user name or password).</summary>
    public int RefusedLogins { get; private set; }

    public sealed record Received(string MailFrom, IReadOnlyList<string> RcptTo, string? Login, MimeMessage Message);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        string? login = null;
        string? from = null;
        var to = new List<string>();
        await writer.WriteLineAsync("220 127.0.0.1 test SMTP ready");
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-127.0.0.1");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 AUTH PLAIN");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "AUTH":
                        var parts = line.Split(' ');
                        var response = parts.Length > 2 ? parts[2] : null;
                        if (response is null)
                        {
                            await writer.WriteLineAsync("334 ");
                            response = await reader.ReadLineAsync(_stop.Token) ?? "";
                        }

                        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                        if (fields.Length == 3 && fields[1] == Username && fields[2] == Password)
                        {
                            login = fields[1];
                            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        }
                        else
                        {
                            RefusedLogins++;
                            await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                        }

                        break;
                    case "MAIL":
                        if (Username is not null && login is null)
                        {
                            await writer.WriteLineAsync("530 5.7.0 Authentication required");
                            break;
                        }

                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        using (var content = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                        {
                            Messages.Enqueue(new Received(from ?? "", [.. to], login, await MimeMessage.LoadAsync(content)));
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server stopped.
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line;
    }
}
