namespace StatusKit.Services;

/// <summary>What <see cref="IncidentImportService.ImportAsync"/> did with each incident it was given.</summary>
public sealed record IncidentImportReport
{
    /// <summary>The incidents recorded, in the order given.</summary>
    public required IReadOnlyList<ImportedIncidentRecord> Imported { get; init; }

    /// <summary>The incidents not recorded, in the order given, each with its reason.</summary>
    public required IReadOnlyList<SkippedImport> Skipped { get; init; }

    /// <summary>
    /// The component names of the recorded incidents that the page has no component of, trimmed, each once (in the order
    /// first met): those incidents were recorded without them. Import the components first (<see cref="ComponentImportService"/>), or
    /// create them, then delete those incidents and import again to link them.
    /// </summary>
    public required IReadOnlyList<string> UnknownComponents { get; init; }
}
