using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>What <see cref="CachetSchedulesDocument"/> read of Cachet's schedules.</summary>
/// <param name="Maintenances">
/// The schedules for <see cref="MaintenanceImportService.ImportAsync"/> (ids <c>cachet-{id}</c>), in the document's order:
/// the complete and upcoming ones it records, and those it skips itself (in progress, an upcoming one overdue).
/// </param>
/// <param name="LeftOut">
/// The schedules the route does not give the import, in the document's order: deleted ones
/// (<see cref="MaintenanceImportSkipReason.NotPublic"/>) and those without the end a window needs
/// (<see cref="MaintenanceImportSkipReason.Invalid"/>, naming <c>completed_at</c>).
/// </param>
/// <param name="ComponentsGiven">Whether the body brought Cachet's components, by which a schedule's <c>component_id</c>s are named.</param>
/// <param name="ComponentsNotFound">
/// The <c>component_id</c>s of the schedules given to the import that the body's components lack (every one when it
/// brought none), each once: those windows are recorded without that component.
/// </param>
internal sealed record CachetSchedules(
    IReadOnlyList<ImportedMaintenance> Maintenances, IReadOnlyList<SkippedMaintenance> LeftOut, bool ComponentsGiven, IReadOnlyList<string> ComponentsNotFound);
