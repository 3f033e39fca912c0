namespace StatusKit.Notifications.Http;

/// <summary>What one HTTP delivery attempt came to.</summary>
/// <param name="Result">The mapped result.</param>
/// <param name="StatusCode">The response status, when a response arrived.</param>
/// <param name="Elapsed">How long the attempt took.</param>
internal sealed record HttpDeliveryOutcome(NotificationResult Result, int? StatusCode, TimeSpan Elapsed);
