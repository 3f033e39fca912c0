using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>One row of a subscriber import (<see cref="SubscriberImportService.ImportAsync"/>), as the document gave it.</summary>
public sealed record ImportedSubscriber
{
    /// <summary>Where the row is in its document (1 for the first), named in the report so the operator can find it.</summary>
    public required int Row { get; init; }

    /// <summary>
    /// The channel's name as written (<c>email</c>, <c>slack</c>, <c>webhook</c>, <c>teams</c>, <c>discord</c>,
    /// <c>sms</c>, in any case); null or blank is email. Another name skips the row as <see cref="SubscriberImportSkipReason.Invalid"/>.
    /// </summary>
    public string? Channel { get; init; }

    /// <summary>The email address, URL or phone number, checked as <see cref="SubscriberService.SubscribeAsync"/> checks it.</summary>
    public string? Destination { get; init; }

    /// <summary>
    /// The name of the column or member <see cref="Destination"/> came from, named when it is refused (<c>email</c> for
    /// a CSV's email column). Default <c>destination</c>.
    /// </summary>
    public string DestinationField { get; init; } = "destination";

    /// <summary>
    /// The names of the components to follow, matched to the page's as the other imports match them (trimmed, in any
    /// case); empty follows all. A name the page has no component of skips the row.
    /// </summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>The events to hear about. Default all.</summary>
    public NotificationEvents NotifyOn { get; init; } = NotificationEvents.All;
}
