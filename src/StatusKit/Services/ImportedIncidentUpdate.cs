using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>One entry of an imported incident's timeline, as it was posted on the page it comes from.</summary>
/// <param name="At">When it was posted (Statuspage's <c>display_at</c>, else its <c>created_at</c>).</param>
/// <param name="State">The state it announced (Statuspage's <c>postmortem</c> is <see cref="StatusIncidentState.Resolved"/>).</param>
/// <param name="Message">Its text (Statuspage's <c>body</c>).</param>
public sealed record ImportedIncidentUpdate(DateTimeOffset At, StatusIncidentState State, string Message);
