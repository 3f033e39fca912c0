using System.Globalization;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// A fixed-window limit per key (a client's <see cref="ClientPartition"/>, a destination) on the injected
/// <see cref="TimeProvider"/>: a key may take <c>permitLimit</c> permits per window, its window starting at its first
/// request. Keys whose window has ended are forgotten, at most once per window, so it holds only the keys seen lately.
/// It stands in for <see cref="System.Threading.RateLimiting.PartitionedRateLimiter"/>, which runs on the wall clock
/// only, so that the limits follow the host's <see cref="TimeProvider"/> and tests can drive them.
/// </summary>
internal sealed class FixedWindowLimit
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private DateTimeOffset _nextSweep;

    public FixedWindowLimit(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _window = window;
        _time = time;
    }

    /// <summary>Takes a permit for the key; false when its window is used up, with the time left of it in <paramref name="retryAfter"/>.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (now >= _nextSweep)
            {
                // Removing while enumerating is allowed on a Dictionary (it does not invalidate the enumerator).
                foreach (var (seen, ended) in _windows)
                {
                    if (ended.Ends <= now)
                    {
                        _windows.Remove(seen);
                    }
                }

                _nextSweep = now + _window;
            }

            if (!_windows.TryGetValue(key, out var current) || current.Ends <= now)
            {
                current = new Window(now + _window, 0);
            }

            if (current.Used >= _permitLimit)
            {
                retryAfter = current.Ends - now;
                return false;
            }

            _windows[key] = current with { Used = current.Used + 1 };
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>A <c>Retry-After</c> header's value for <paramref name="retryAfter"/>: whole seconds, rounded up, at least 1.</summary>
    public static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private readonly record struct Window(DateTimeOffset Ends, int Used);
}
