namespace StatusKit.Abstractions;

/// <summary>What storing an incident signal did.</summary>
public enum SignalApplyResult
{
    /// <summary>The signal was newer than the stored one (or the first) and is now the incident's state.</summary>
    Applied = 0,

    /// <summary>The stored signal has the same version: nothing changed.</summary>
    Duplicate = 1,

    /// <summary>The stored signal is newer: the signal was ignored.</summary>
    Stale = 2,
}
