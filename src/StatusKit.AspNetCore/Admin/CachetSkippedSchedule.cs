using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>A schedule the Cachet import did not record, and why.</summary>
/// <param name="CachetId">Its id on Cachet.</param>
/// <param name="Name">Its name on Cachet, as given.</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Message">What to do about it, in words.</param>
internal sealed record CachetSkippedSchedule(string CachetId, string Name, MaintenanceImportSkipReason Reason, string Message);
