using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.Audit;

/// <summary>
/// Records the services' changes in the audit log: one entry written right after the change it describes committed,
/// by a separate store call. A failing write is logged (event 1034) and does not fail the change, which is already
/// stored; so a crash, or a store failure, between the two loses that entry. The entry is written even when the
/// caller's token is cancelled after the change: the change happened.
/// </summary>
internal sealed class AuditTrail
{
    /// <summary>The actor when no <see cref="IAuditActorAccessor"/> is registered, or it names nobody.</summary>
    public const string System = "system";

    /// <summary>The actor of a subscriber's own change through its links (confirming, unsubscribing, changing its choice).</summary>
    public const string Subscriber = "subscriber";

    private const int MaxActorLength = 200;
    private readonly IStatusStore _store;
    private readonly IAuditActorAccessor? _actor;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly Lock _gate = new();
    private readonly Version7Ids _ids = new();

    public AuditTrail(IStatusStore store, IAuditActorAccessor? actor, TimeProvider time, ILogger<AuditTrail> logger)
    {
        _store = store;
        _actor = actor;
        _time = time;
        _logger = logger;
    }

    /// <summary>Records <paramref name="action"/> on the <paramref name="targetKind"/> <paramref name="targetId"/> of <paramref name="pageId"/>.</summary>
    public Task RecordAsync(Guid pageId, string action, string targetKind, Guid targetId, IReadOnlyList<string>? fields = null) =>
        RecordByAsync(null, pageId, action, targetKind, targetId, fields);

    /// <summary>
    /// Records like <see cref="RecordAsync"/>, made by <paramref name="actor"/> (<see cref="System"/>,
    /// <see cref="Subscriber"/>) whoever the accessor would name; the accessor's actor when null.
    /// </summary>
    public async Task RecordByAsync(string? actor, Guid pageId, string action, string targetKind, Guid targetId, IReadOnlyList<string>? fields = null)
    {
        try
        {
            await _store.AddAuditEntryAsync(New(actor, pageId, action, targetKind, targetId, fields ?? []), CancellationToken.None);
        }
        catch (Exception exception)
        {
            Log.AuditEntryLost(_logger, action, targetKind, targetId, pageId, exception);
        }
    }

    /// <summary>
    /// Who is making the current change, as its entry will name them: the accessor's caller (the signed-in admin on the
    /// admin API), else <see cref="System"/>. A record's <c>CreatedBy</c> left empty names them too.
    /// </summary>
    public string CurrentActor() => Named(_actor?.GetActor());

    private static string Named(string? actor)
    {
        actor = string.IsNullOrWhiteSpace(actor) ? System : actor.Trim();
        return actor.Length > MaxActorLength ? actor[..MaxActorLength] : actor;
    }

    private AuditEntry New(string? fixedActor, Guid pageId, string action, string targetKind, Guid targetId, IReadOnlyList<string> fields)
    {
        var now = _time.GetUtcNow();
        // Whole microseconds, what PostgreSQL keeps, so a cursor made from a stored entry finds it again.
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        Guid id;
        lock (_gate)
        {
            id = _ids.Next(at);
        }

        return new AuditEntry
        {
            Id = id,
            PageId = pageId,
            OccurredAt = at,
            Actor = Named(fixedActor ?? _actor?.GetActor()),
            Action = action,
            TargetKind = targetKind,
            TargetId = targetId,
            Fields = fields,
        };
    }
}
