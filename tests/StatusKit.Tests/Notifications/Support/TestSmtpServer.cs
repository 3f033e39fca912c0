using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StatusKit.Tests.Notifications.Support;

/// <summary>A message the SMTP server accepted.</summary>
public sealed record SmtpTranscript(string MailFrom, IReadOnlyList<string> RcptTo, string Data);

/// <summary>
/// A minimal real SMTP server on 127.0.0.1 (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT) that records every
/// accepted message. Recipients in <see cref="RejectedRecipients"/> get 550; <see cref="Silent"/> never greets.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<SmtpTranscript> _messages = new();
    private readonly LoopbackTcpServer _server;

    public TestSmtpServer()
    {
        _server = new LoopbackTcpServer(SessionAsync);
    }

    public int Port => _server.Port;

    public ISet<string> RejectedRecipients { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public bool Silent { get; set; }

    /// <summary>Whether EHLO offers SMTPUTF8 (RFC 6531), which an address with more than ASCII before its @ needs.</summary>
    public bool SmtpUtf8 { get; set; }

    public IReadOnlyCollection<SmtpTranscript> Messages => _messages;

    public int ConnectionCount => _server.ConnectionCount;

    private async Task SessionAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var ct = stop;
                if (Silent)
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }

                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8, false, 1024, leaveOpen: true);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost test ESMTP ready");
                string? from = null;
                var rcpt = new List<string>();
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteAsync(SmtpUtf8 ? "250-localhost greets you\r\n250-SMTPUTF8\r\n250 8BITMIME\r\n" : "250-localhost greets you\r\n250 8BITMIME\r\n");
                            break;
                        case "HELO":
                        case "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RSET":
                            from = null;
                            rcpt.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "MAIL":
                            from = Address(line);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            var to = Address(line);
                            if (RejectedRecipients.Contains(to))
                            {
                                await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable");
                            }
                            else
                            {
                                rcpt.Add(to);
                                await writer.WriteLineAsync("250 OK");
                            }

                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(ct) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            _messages.Enqueue(new SmtpTranscript(from ?? string.Empty, rcpt.ToArray(), data.ToString()));
                            await writer.WriteLineAsync("250 OK queued");
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
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
