namespace StatusKit.Services;

/// <summary>What <see cref="MaintenanceImportService.ImportAsync"/> did with each maintenance it was given.</summary>
public sealed record MaintenanceImportReport
{
    /// <summary>The maintenances recorded as windows, in the order given.</summary>
    public required IReadOnlyList<ImportedMaintenanceRecord> Imported { get; init; }

    /// <summary>The maintenances not recorded, in the order given, each with its reason.</summary>
    public required IReadOnlyList<SkippedMaintenance> Skipped { get; init; }

    /// <summary>
    /// The component names of the recorded maintenances that the page has no component of, trimmed, each once (in the
    /// order first met): those windows were recorded without them. Import the components first
    /// (<see cref="ComponentImportService"/>), or create them, then delete those windows and import again to link them.
    /// </summary>
    public required IReadOnlyList<string> UnknownComponents { get; init; }
}
