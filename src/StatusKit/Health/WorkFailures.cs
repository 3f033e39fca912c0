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
            _failingSince.Remove(key);
            DropErrorWhenNothingFails();
        }
    }

    /// <summary>Forgets every failing piece of work but <paramref name="keys"/>: the rest is no longer this process's to do.</summary>
    public void ForgetAllBut(IReadOnlySet<string> keys)
    {
        lock (_gate)
        {
            foreach (var key in _failingSince.Keys.Where(k => !keys.Contains(k)).ToList())
            {
                _failingSince.Remove(key);
            }

            DropErrorWhenNothingFails();
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

    // Called under the gate: the latest error belongs to the failures, and goes with the last of them.
    private void DropErrorWhenNothingFails()
    {
        if (_failingSince.Count == 0)
        {
            _lastError = null;
        }
    }
}
