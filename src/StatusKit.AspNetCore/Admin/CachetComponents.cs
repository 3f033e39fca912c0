using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>What <see cref="CachetComponentsDocument"/> read of Cachet's components and groups.</summary>
/// <param name="Entries">The enabled components and the groups, for <see cref="ComponentImportService.ImportAsync"/>.</param>
/// <param name="Disabled">The names of the disabled components (<c>enabled: false</c>), left out, in the document's order.</param>
/// <param name="GroupsNotFound">
/// The ids of the groups components name (<c>group_id</c>) that the body has no group of, each once: those components
/// are imported in no group.
/// </param>
internal sealed record CachetComponents(IReadOnlyList<ImportedComponent> Entries, IReadOnlyList<string> Disabled, IReadOnlyList<string> GroupsNotFound);
