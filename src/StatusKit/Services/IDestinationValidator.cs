using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>Checks a subscriber's destination for its channel; throws <see cref="StatusKitValidationException"/> naming "destination".</summary>
internal interface IDestinationValidator
{
    /// <summary>The normalised destination, or an exception.</summary>
    ValueTask<string> ValidateAsync(SubscriberChannel channel, string destination, CancellationToken cancellationToken);
}
