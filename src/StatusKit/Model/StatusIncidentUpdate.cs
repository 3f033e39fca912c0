namespace StatusKit.Model;

/// <summary>One entry of a public status incident's timeline. Updates are append-only.</summary>
/// <param name="Id">The update id.</param>
/// <param name="At">When the update was posted.</param>
/// <param name="State">The incident state the update announces.</param>
/// <param name="Message">The text shown to customers.</param>
public sealed record StatusIncidentUpdate(Guid Id, DateTimeOffset At, StatusIncidentState State, string Message)
{
    /// <summary>
    /// Whether the operator chose to notify the page's subscribers of this update (the <c>notifySubscribers</c> of the
    /// create, update or resolve that posted it; Statuspage's <c>deliver_notifications</c>). It records the choice, not
    /// whether any subscriber wanted the notice. Default true, which is also what updates stored before it existed read as.
    /// </summary>
    public bool NotifySubscribers { get; init; } = true;
}
