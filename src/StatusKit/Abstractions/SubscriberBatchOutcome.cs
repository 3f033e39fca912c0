using StatusKit.Model;

namespace StatusKit.Abstractions;

/// <summary>What <see cref="IStatusStore.AddSubscribersAsync"/> did with each subscriber of a batch.</summary>
public sealed record SubscriberBatchOutcome
{
    /// <summary>An outcome of an empty batch: nothing added, nothing refused.</summary>
    public static SubscriberBatchOutcome Empty { get; } = new() { Added = [], Taken = new Dictionary<Guid, Subscriber>() };

    /// <summary>The ids of the subscribers the store added, in the batch's order.</summary>
    public required IReadOnlyList<Guid> Added { get; init; }

    /// <summary>
    /// The subscribers the store refused because their destination was taken, by id, each mapped to the subscriber that
    /// holds the destination: one stored before the call (as stored then, active or not), or an earlier subscriber of the
    /// same batch (as added). Every subscriber of the batch is in <see cref="Added"/> or here, never both.
    /// </summary>
    public required IReadOnlyDictionary<Guid, Subscriber> Taken { get; init; }
}
