using System.Net;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// A fixed-window limit per client (<see cref="ClientPartition"/>) on the injected <see cref="TimeProvider"/>: a client
/// may take <c>permitLimit</c> permits per window, its window starting at its first request (as a partition of
/// <see cref="System.Threading.RateLimiting.PartitionedRateLimiter"/> with a fixed-window limiter does). Clients whose
/// window has ended are forgotten, at most once per window, so it holds only the clients seen lately.
/// </summary>
internal sealed class ClientWindowLimit
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private DateTimeOffset _nextSweep;

    public ClientWindowLimit(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _window = window;
        _time = time;
    }

    /// <summary>Takes a permit for the client; false when its window is used up, with the time left of it in <paramref name="retryAfter"/>.</summary>
    public bool TryAcquire(IPAddress? clientAddress, out TimeSpan retryAfter)
    {
        var client = ClientPartition.Of(clientAddress);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (now >= _nextSweep)
            {
                // Removing while enumerating is allowed on a Dictionary (it does not invalidate the enumerator).
                foreach (var (key, ended) in _windows)
                {
                    if (ended.Ends <= now)
                    {
                        _windows.Remove(key);
                    }
                }

                _nextSweep = now + _window;
            }

            if (!_windows.TryGetValue(client, out var current) || current.Ends <= now)
            {
                current = new Window(now + _window, 0);
            }

            if (current.Used >= _permitLimit)
            {
                retryAfter = current.Ends - now;
                return false;
            }

            _windows[client] = current with { Used = current.Used + 1 };
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private readonly record struct Window(DateTimeOffset Ends, int Used);
}
