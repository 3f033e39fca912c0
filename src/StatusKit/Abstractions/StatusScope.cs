namespace StatusKit.Abstractions;

/// <summary>Which components a recompute covers.</summary>
public sealed record StatusScope
{
    private StatusScope()
    {
    }

    /// <summary>The components of one team (what an incident signal can affect).</summary>
    public string? TeamId { get; private init; }

    /// <summary>All components of one page.</summary>
    public Guid? PageId { get; private init; }

    /// <summary>These components (a window's or a public incident's).</summary>
    public IReadOnlyList<Guid>? ComponentIds { get; private init; }

    /// <summary>Whether every component of every page is covered.</summary>
    public bool IsAll => TeamId is null && PageId is null && ComponentIds is null;

    /// <summary>Every component of every page.</summary>
    public static StatusScope All { get; } = new();

    /// <summary>The components whose <c>TeamId</c> is <paramref name="teamId"/> (ordinal).</summary>
    public static StatusScope ForTeam(string teamId) => new() { TeamId = teamId ?? throw new ArgumentNullException(nameof(teamId)) };

    /// <summary>The components of one page.</summary>
    public static StatusScope ForPage(Guid pageId) => new() { PageId = pageId };

    /// <summary>The listed components.</summary>
    public static StatusScope ForComponents(IReadOnlyList<Guid> componentIds) =>
        new() { ComponentIds = componentIds ?? throw new ArgumentNullException(nameof(componentIds)) };
}
