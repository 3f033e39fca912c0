namespace StatusKit.Services;

/// <summary>A row of a subscriber import that was not imported, and why.</summary>
/// <param name="Row">The row (<see cref="ImportedSubscriber.Row"/>).</param>
/// <param name="Destination">
/// Its destination, masked: an email address as given, a URL only as its scheme and host (<c>https://hooks.slack.com/…</c>:
/// the rest of a webhook URL is its credential), anything else of a channel other than email not at all (<c>…</c>).
/// </param>
/// <param name="Reason">Why it was skipped.</param>
/// <param name="Message">What is wrong and what to do, naming the row and, for an invalid one, the column.</param>
public sealed record SkippedSubscriber(int Row, string Destination, SubscriberImportSkipReason Reason, string Message);
