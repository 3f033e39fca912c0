namespace StatusKit.Model;

/// <summary>One entry of a public status incident's timeline. Updates are append-only.</summary>
/// <param name="Id">The update id.</param>
/// <param name="At">When the update was posted.</param>
/// <param name="State">The incident state the update announces.</param>
/// <param name="Message">The text shown to customers.</param>
public sealed record StatusIncidentUpdate(Guid Id, DateTimeOffset At, StatusIncidentState State, string Message);
