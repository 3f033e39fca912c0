using System.Net;
using Microsoft.Extensions.Options;
using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// Counts the event streams each client (<see cref="ClientPartition"/>) holds open, so that one client cannot tie up
/// the server's connections, timers and relay with thousands of streams
/// (<see cref="StatusPageEndpointOptions.MaxEventStreamsPerClient"/>), and measures the streams open and refused.
/// </summary>
internal sealed class EventStreamLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly int _maxPerClient;
    private readonly EventStreamInstruments _instruments;

    public EventStreamLimiter(IOptions<StatusPageEndpointOptions> options, EventStreamInstruments instruments)
    {
        _maxPerClient = options.Value.MaxEventStreamsPerClient;
        _instruments = instruments;
    }

    /// <summary>A place for one more stream of the client, to dispose when the stream ends; null when it holds the maximum.</summary>
    public IDisposable? TryOpen(IPAddress? clientAddress)
    {
        var client = ClientPartition.Of(clientAddress);
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(client);
            if (open >= _maxPerClient)
            {
                _instruments.Rejected();
                return null;
            }

            _open[client] = open + 1;
        }

        _instruments.Opened();

        return new Place(this, client);
    }

    private void Close(string client)
    {
        _instruments.Closed();
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(client) - 1;
            if (open <= 0)
            {
                _open.Remove(client);
            }
            else
            {
                _open[client] = open;
            }
        }
    }

    private sealed class Place(EventStreamLimiter limiter, string client) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                limiter.Close(client);
            }
        }
    }
}
