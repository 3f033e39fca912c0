namespace StatusKit.Services;

/// <summary>A component of an import that was not created, and why.</summary>
/// <param name="Name">Its name, as given.</param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Message">What to do about it, in words.</param>
public sealed record SkippedComponent(string Name, ComponentImportSkipReason Reason, string Message);
