namespace StatusKit.Services;

/// <summary>Why a component of an import was not created (<see cref="SkippedComponent"/>).</summary>
public enum ComponentImportSkipReason
{
    /// <summary>The page already has a component of that name (trimmed, in any case), which is left as it is.</summary>
    AlreadyExists = 0,

    /// <summary>An earlier component of the same document has that name (trimmed, in any case): the first one is imported.</summary>
    DuplicateName = 1,

    /// <summary>It breaks a rule of a component (a name or a description too long, a group name too long …): <see cref="SkippedComponent.Message"/> says which.</summary>
    Invalid = 2,

    /// <summary>
    /// It is disabled on the page it comes from (Cachet's <c>enabled: false</c>), which shows it to nobody: the Cachet
    /// import leaves it out rather than show it. Create it with the admin API if it is wanted.
    /// </summary>
    Disabled = 3,
}
