namespace StatusKit.Services;

/// <summary>Why a row of a subscriber import was not imported (<see cref="SkippedSubscriber"/>).</summary>
public enum SubscriberImportSkipReason
{
    /// <summary>
    /// The page has a subscriber with this channel and destination already (confirmed or waiting for confirmation, or
    /// stopped by an operator or by failed deliveries): it is left as it is, so importing again changes nothing.
    /// </summary>
    AlreadySubscribed = 0,

    /// <summary>
    /// The destination unsubscribed itself from the page (or stopped before StatusKit recorded why): only it can
    /// subscribe again, by confirming; an operator's import never brings it back.
    /// </summary>
    Unsubscribed = 1,

    /// <summary>An earlier row of the document has the same channel and destination; the first one wins.</summary>
    Duplicate = 2,

    /// <summary>
    /// It breaks a rule of a subscription (an unknown channel, an address that is not one, a URL refused, a component
    /// name the page lacks …): <see cref="SkippedSubscriber.Message"/> names the column.
    /// </summary>
    Invalid = 3,
}
