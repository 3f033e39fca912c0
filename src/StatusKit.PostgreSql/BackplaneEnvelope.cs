using StatusKit.Engine;

namespace StatusKit.PostgreSql;

/// <summary>A <see cref="PageChange"/> as one notification's JSON payload, with the sending host's id.</summary>
internal sealed record BackplaneEnvelope(Guid Host, Guid Page, StatusChanged[] Changes);
