namespace StatusKit.Services;

/// <summary>An incident of an import that was not recorded, and why.</summary>
/// <param name="StatuspageId">Its id on Statuspage.</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Message">What to do about it, in words.</param>
public sealed record SkippedImport(string StatuspageId, ImportSkipReason Reason, string Message);
