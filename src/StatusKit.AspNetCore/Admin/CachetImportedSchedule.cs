using StatusKit.Model;

namespace StatusKit.AspNetCore.Admin;

/// <summary>A schedule the Cachet import recorded as a window.</summary>
/// <param name="CachetId">Its id on Cachet.</param>
/// <param name="WindowId">The window's id.</param>
/// <param name="Title">The window's title.</param>
/// <param name="State">The window's state: Completed (history) or Scheduled (StatusKit starts and ends it).</param>
internal sealed record CachetImportedSchedule(string CachetId, Guid WindowId, string Title, MaintenanceState State);
