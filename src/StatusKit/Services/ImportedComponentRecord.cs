namespace StatusKit.Services;

/// <summary>A component an import created.</summary>
/// <param name="Id">Its id on the page (<see cref="Model.Component.Id"/>).</param>
/// <param name="Name">Its name.</param>
/// <param name="GroupName">The name of the Statuspage group it was in (its <see cref="Model.Component.GroupName"/>), or null.</param>
public sealed record ImportedComponentRecord(Guid Id, string Name, string? GroupName);
