namespace StatusKit;

/// <summary>The aggregate an operation names does not exist. Nothing was changed.</summary>
public sealed class StatusKitNotFoundException : StatusKitException
{
    /// <summary>Creates the exception for a missing <paramref name="resource"/> with <paramref name="id"/>.</summary>
    public StatusKitNotFoundException(string resource, string id, string? field = null)
        : base($"The {resource} '{id}' does not exist.", field)
    {
        Resource = resource;
        ResourceId = id;
    }

    /// <summary>What kind of thing is missing ("page", "component", ...).</summary>
    public string Resource { get; }

    /// <summary>The id or slug that was not found.</summary>
    public string ResourceId { get; }
}
