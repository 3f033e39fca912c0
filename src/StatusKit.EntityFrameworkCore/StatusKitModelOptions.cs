namespace StatusKit.EntityFrameworkCore;

/// <summary>Where StatusKit's tables go in the host's database.</summary>
public sealed class StatusKitModelOptions
{
    /// <summary>The schema of StatusKit's tables; null (the default) uses the context's default schema.</summary>
    public string? Schema { get; set; }

    /// <summary>
    /// The prefix of every table name, e.g. <c>statuskit_pages</c>. Default <c>"statuskit_"</c>. The shipped migrations
    /// assume the defaults; a host that changes them writes its own migrations.
    /// </summary>
    public string TablePrefix { get; set; } = "statuskit_";
}
