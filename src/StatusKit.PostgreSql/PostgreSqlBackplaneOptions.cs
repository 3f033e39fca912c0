namespace StatusKit.PostgreSql;

/// <summary>Where the PostgreSQL status change backplane listens and notifies.</summary>
public sealed class PostgreSqlBackplaneOptions
{
    /// <summary>
    /// The database every host shares (usually the store's). Required. The backplane keeps one connection open for
    /// <c>LISTEN</c> and opens short-lived ones to <c>NOTIFY</c>. Unless the string sets Npgsql's <c>Keepalive</c>,
    /// idle connections make a keepalive round trip every 30 seconds, so a listening connection that was dropped
    /// silently fails (and is opened again) instead of waiting forever.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The notification channel: a lower-case identifier of at most 63 characters (letters, digits, underscores, not
    /// starting with a digit). Hosts of different deployments on one database need different channels. Default
    /// <c>statuskit_changes</c>.
    /// </summary>
    public string Channel { get; set; } = "statuskit_changes";
}
