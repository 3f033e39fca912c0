using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>Checks a subscriber's destination for its channel; throws <see cref="StatusKitValidationException"/> naming "destination".</summary>
internal interface IDestinationValidator
{
    /// <summary>
    /// The channels new subscriptions may use, in their enum order: those with a notifier on this host, limited to
    /// <see cref="Configuration.StatusPagesOptions.SubscriptionChannels"/> when it is set.
    /// </summary>
    IReadOnlyList<SubscriberChannel> Channels { get; }

    /// <summary>The normalised destination, or an exception.</summary>
    ValueTask<string> ValidateAsync(SubscriberChannel channel, string destination, CancellationToken cancellationToken);
}
