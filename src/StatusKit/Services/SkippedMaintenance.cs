namespace StatusKit.Services;

/// <summary>A maintenance of an import that was not recorded, and why.</summary>
/// <param name="StatuspageId">Its id on Statuspage.</param>
/// <param name="Name">Its title on Statuspage, as given.</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Message">What to do about it, in words.</param>
public sealed record SkippedMaintenance(string StatuspageId, string Name, MaintenanceImportSkipReason Reason, string Message);
