using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>A maintenance an import recorded as a window.</summary>
/// <param name="StatuspageId">Its id on Statuspage.</param>
/// <param name="WindowId">The window's id (<see cref="MaintenanceWindow.Id"/>).</param>
/// <param name="Title">The window's title.</param>
/// <param name="State">The window's state: Completed (history) or Scheduled (StatusKit starts and ends it).</param>
public sealed record ImportedMaintenanceRecord(string StatuspageId, Guid WindowId, string Title, MaintenanceState State);
