namespace StatusKit.Engine;

/// <summary>
/// Marks a recompute that only the passing of time asked for (a manual status's expiry, a maintenance occurrence's end,
/// a restart), and says what ended: a change that those ends alone explain is stamped when they happened, not when
/// the recompute ran (<see cref="ChangeTimeline"/>). A recompute asked for by a change of its inputs has none.
/// </summary>
internal sealed record TimeDrivenRecompute
{
    /// <summary>Only manual statuses may have expired (they are read from the components themselves).</summary>
    public static TimeDrivenRecompute Expiries { get; } = new([]);

    /// <summary>Creates one that also knows of ended maintenance occurrences.</summary>
    public TimeDrivenRecompute(IReadOnlyList<EndedMaintenance> endedMaintenance)
    {
        EndedMaintenance = endedMaintenance;
    }

    /// <summary>Maintenance occurrences that ended before the recompute (their windows no longer cover anything).</summary>
    public IReadOnlyList<EndedMaintenance> EndedMaintenance { get; }

    /// <summary>
    /// What two requests for one recompute know together: nothing when either was asked for by an input change (the
    /// merged recompute is not driven by time alone), else the ends both know of.
    /// </summary>
    public static TimeDrivenRecompute? Merge(TimeDrivenRecompute? a, TimeDrivenRecompute? b) =>
        a is null || b is null ? null
        : a.EndedMaintenance.Count == 0 ? b
        : b.EndedMaintenance.Count == 0 ? a
        : new TimeDrivenRecompute([.. a.EndedMaintenance, .. b.EndedMaintenance]);
}
