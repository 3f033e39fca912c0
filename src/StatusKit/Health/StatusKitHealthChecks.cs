namespace StatusKit.Health;

/// <summary>The names StatusKit's health checks are registered under.</summary>
public static class StatusKitHealthChecks
{
    /// <summary>The name of <see cref="StatusKitStoreHealthCheck"/>: the store answers a read.</summary>
    public const string StoreName = "statuskit-store";

    /// <summary>The name of <see cref="StatusKitBackgroundHealthCheck"/>: recomputes, maintenance, notification dispatch and the backplane are not failing.</summary>
    public const string BackgroundName = "statuskit-background";

    /// <summary>The tag both checks carry, to select them for an endpoint (<c>MapHealthChecks</c>'s predicate).</summary>
    public const string Tag = "statuskit";
}
