using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>A row of a subscriber import that became a subscriber.</summary>
/// <param name="Id">The subscriber's id (<see cref="Subscriber.Id"/>).</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Row">The row it came from (<see cref="ImportedSubscriber.Row"/>).</param>
public sealed record ImportedSubscriberRecord(Guid Id, SubscriberChannel Channel, int Row);
