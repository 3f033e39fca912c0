using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>
/// The read-modify-write of an operator's edit over a compare-and-set store update (the model of
/// <see cref="Maintenance.MaintenanceService"/>): read the record, apply the request's change to it, write it at the
/// version read. Without an expected version, an edit that loses the compare-and-set reads the record again and applies
/// its change again, up to <see cref="MaxAttempts"/> times, so two edits of different fields both survive and a field
/// someone else changed meanwhile (a deleted component's id, a manual status) is never written back. With an expected
/// version, the record must be at it, and a lost compare-and-set is the caller's conflict.
/// </summary>
internal static class OptimisticEdit
{
    /// <summary>How many times an edit without an expected version is tried before it gives up.</summary>
    public const int MaxAttempts = 3;

    /// <param name="resource">The record's kind, for messages ("component").</param>
    /// <param name="id">The record's id, for messages.</param>
    /// <param name="expectedVersion">The version the caller read, or null to retry on conflict.</param>
    /// <param name="load">Reads the record; throws when it is missing.</param>
    /// <param name="versionOf">The record's version.</param>
    /// <param name="change">The request's change applied to a record as read; returning the very instance read writes nothing.</param>
    /// <param name="write">The store's compare-and-set update; returns the record as stored.</param>
    public static async Task<T> ApplyAsync<T>(
        string resource,
        Guid id,
        long? expectedVersion,
        Func<Task<T>> load,
        Func<T, long> versionOf,
        Func<T, Task<T>> change,
        Func<T, Task<T>> write)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await load();
            RequireVersion(resource, id, expectedVersion, versionOf(current));
            var changed = await change(current);
            if (ReferenceEquals(changed, current))
            {
                return current;
            }

            try
            {
                return await write(changed);
            }
            catch (StatusKitConcurrencyException) when (expectedVersion is null && attempt < MaxAttempts)
            {
                // Someone else changed it since it was read: read it again and apply the change to what they left.
            }
            catch (StatusKitConcurrencyException) when (expectedVersion is null)
            {
                throw new StatusKitConcurrencyException(
                    $"The {resource} '{id}' kept changing while this change was being saved ({MaxAttempts} attempts); reload it and retry.");
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (which reads what it changes, then writes it by compare-and-set) again when it
    /// loses the compare-and-set, up to <see cref="MaxAttempts"/> times; the last conflict reaches the caller.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (StatusKitConcurrencyException) when (number < MaxAttempts)
            {
                // Someone else changed it since it was read: the next attempt reads it again.
            }
        }
    }

    /// <summary>Throws <see cref="StatusKitConcurrencyException"/> when an expected version is given and is not <paramref name="stored"/>.</summary>
    public static void RequireVersion(string resource, Guid id, long? expectedVersion, long stored)
    {
        if (expectedVersion is { } expected && expected != stored)
        {
            throw StaleVersion.Of(resource, id, expected);
        }
    }
}
