using System.Net;
using System.Net.Sockets;

namespace StatusKit.Tests.Notifications.Support;

/// <summary>
/// A TCP listener on 127.0.0.1 and an ephemeral port that hands every accepted connection to a handler on the thread
/// pool, with the token that is cancelled when the server is disposed. The test HTTP receiver and SMTP server speak
/// their protocols over it.
/// </summary>
public sealed class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<TcpClient, CancellationToken, Task> _handle;
    private readonly Task _acceptLoop;
    private int _connections;

    public LoopbackTcpServer(Func<TcpClient, CancellationToken, Task> handle)
    {
        _handle = handle;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    public int ConnectionCount => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            var stop = _stop.Token;
            _ = Task.Run(() => _handle(client, stop));
        }
    }
}
