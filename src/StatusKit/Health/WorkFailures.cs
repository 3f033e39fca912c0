namespace StatusKit.Health;

/// <summary>
/// What of one kind of background work is failing now: each piece of work (a team's recompute, a maintenance window's
/// transition, a dispatcher pass) is failing from its first failure until it next succeeds or is forgotten. Thread-safe.
/// </summary>
internal sealed class WorkFailures
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _failingSince = new(StringComparer.Ordinal);
    private Exception? _lastError;
    private DateTimeOffset _lastErrorAt;

    /// <summary>Records that <paramref name="key"/> failed at <paramref name="at"/>; it stays failing since its first failure.</summary>
    public void Failed(string key, DateTimeOffset at, Exception error)
    {
        lock (_gate)
        {
            _failingSince.TryAdd(key, at);
            _lastError = error;
            _lastErrorAt = at;
        }
    }

    /// <summary>Records that <paramref name="key"/> succeeded, or no longer needs doing: it is not failing any more.</summary>
    public void Succeeded(string key)
    {
        lock (_gate)
        {
            if (_failingSince.Remove(key) && _failingSince.Count == 0)
            {
                _lastError = null;
            }
        }
    }

    /// <summary>What is failing now, or null when nothing is.</summary>
    public WorkFailureSummary? Current()
    {
        lock (_gate)
        {
            if (_failingSince.Count == 0)
            {
                return null;
            }

            var since = DateTimeOffset.MaxValue;
            foreach (var at in _failingSince.Values)
            {
                since = at < since ? at : since;
            }

            return new WorkFailureSummary(_failingSince.Count, since, _lastError!, _lastErrorAt);
        }
    }
}
