using StatusKit.Model;

namespace StatusKit.Abstractions;

/// <summary>
/// One page of a status page's maintenance windows, the latest first (see
/// <see cref="IStatusStore.ListMaintenanceWindowsAsync(Guid, MaintenanceWindowQuery, CancellationToken)"/>).
/// </summary>
public sealed record MaintenanceWindowQuery
{
    /// <summary>Only windows in this state; every state when null (the default).</summary>
    public MaintenanceState? State { get; init; }

    /// <summary>How many to skip (paging). Default 0; a store refuses a negative value.</summary>
    public int Skip { get; init; }

    /// <summary>How many to return at most. Default 50; a store refuses a value below 1.</summary>
    public int Take { get; init; } = 50;
}
