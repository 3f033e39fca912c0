using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>An incident the Cachet import did not record, and why.</summary>
/// <param name="CachetId">Its id on Cachet.</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Message">What to do about it, in words.</param>
internal sealed record CachetSkippedIncident(string CachetId, ImportSkipReason Reason, string Message);
