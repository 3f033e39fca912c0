using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>
/// The row of a <see cref="Subscriber"/>. <see cref="DestinationKey"/> is what uniqueness compares: the address in
/// upper case (invariant) for email (addresses are case-insensitive in practice), the URL as given for Slack and webhooks.
/// </summary>
internal sealed class SubscriberEntity
{
    public Guid Id { get; set; }

    public Guid PageId { get; set; }

    public SubscriberChannel Channel { get; set; }

    public string Destination { get; set; } = "";

    public string DestinationKey { get; set; } = "";

    public string ComponentIds { get; set; } = "[]";

    /// <summary>The status incident followed; null for a subscriber of the page (no foreign key: it outlives the incident).</summary>
    public Guid? StatusIncidentId { get; set; }

    public NotificationEvents NotifyOn { get; set; }

    public bool IsVerified { get; set; }

    public string? VerifyTokenHash { get; set; }

    public DateTime? VerifyTokenIssuedAt { get; set; }

    public string UnsubscribeTokenHash { get; set; } = "";

    public string? SigningSecret { get; set; }

    public string? PreviousSigningSecret { get; set; }

    public DateTime? PreviousSigningSecretExpiresAt { get; set; }

    public bool IsActive { get; set; }

    /// <summary>Why an inactive subscriber stopped; null while active, and on rows deactivated before it was recorded.</summary>
    public SubscriberDeactivationReason? DeactivationReason { get; set; }

    public DateTime? ActivatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The optimistic-concurrency version (a concurrency token: EF's own updates of the row check it).</summary>
    public long Version { get; set; }

    public static string KeyOf(SubscriberChannel channel, string destination) =>
        channel == SubscriberChannel.Email ? CaseInsensitiveKey.Of(destination) : destination;

    public static SubscriberEntity From(Subscriber subscriber)
    {
        var entity = new SubscriberEntity { Id = subscriber.Id, Version = 1 };
        entity.CopyFrom(subscriber);
        return entity;
    }

    public void CopyFrom(Subscriber subscriber)
    {
        PageId = subscriber.PageId;
        Channel = subscriber.Channel;
        Destination = subscriber.Destination;
        DestinationKey = KeyOf(subscriber.Channel, subscriber.Destination);
        ComponentIds = JsonColumns.FromIds(subscriber.ComponentIds);
        StatusIncidentId = subscriber.StatusIncidentId;
        NotifyOn = subscriber.NotifyOn;
        IsVerified = subscriber.IsVerified;
        VerifyTokenHash = subscriber.VerifyTokenHash;
        VerifyTokenIssuedAt = Instants.ToStore(subscriber.VerifyTokenIssuedAt);
        UnsubscribeTokenHash = subscriber.UnsubscribeTokenHash;
        SigningSecret = subscriber.SigningSecret;
        PreviousSigningSecret = subscriber.PreviousSigningSecret;
        PreviousSigningSecretExpiresAt = Instants.ToStore(subscriber.PreviousSigningSecretExpiresAt);
        IsActive = subscriber.IsActive;
        DeactivationReason = subscriber.DeactivationReason;
        ActivatedAt = Instants.ToStore(subscriber.ActivatedAt);
        CreatedAt = Instants.ToStore(subscriber.CreatedAt);
    }

    public Subscriber ToModel() => new()
    {
        Id = Id,
        PageId = PageId,
        Channel = Channel,
        Destination = Destination,
        ComponentIds = JsonColumns.ToIds(ComponentIds),
        StatusIncidentId = StatusIncidentId,
        NotifyOn = NotifyOn,
        IsVerified = IsVerified,
        VerifyTokenHash = VerifyTokenHash,
        VerifyTokenIssuedAt = Instants.FromStore(VerifyTokenIssuedAt),
        UnsubscribeTokenHash = UnsubscribeTokenHash,
        SigningSecret = SigningSecret,
        PreviousSigningSecret = PreviousSigningSecret,
        PreviousSigningSecretExpiresAt = Instants.FromStore(PreviousSigningSecretExpiresAt),
        IsActive = IsActive,
        DeactivationReason = DeactivationReason,
        ActivatedAt = Instants.FromStore(ActivatedAt),
        CreatedAt = Instants.FromStore(CreatedAt),
        Version = Version,
    };
}
