namespace StatusKit.Health;

/// <summary>What of one kind of background work is failing.</summary>
/// <param name="Count">How many pieces of work are failing.</param>
/// <param name="Since">When the one failing longest first failed.</param>
/// <param name="LastError">The latest failure.</param>
/// <param name="LastErrorAt">When the latest failure happened.</param>
internal sealed record WorkFailureSummary(int Count, DateTimeOffset Since, Exception LastError, DateTimeOffset LastErrorAt);
