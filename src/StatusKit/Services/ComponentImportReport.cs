namespace StatusKit.Services;

/// <summary>What <see cref="ComponentImportService.ImportAsync"/> did with each component it was given (groups are not listed: they become group names).</summary>
public sealed record ComponentImportReport
{
    /// <summary>The components created, in the page's display order.</summary>
    public required IReadOnlyList<ImportedComponentRecord> Imported { get; init; }

    /// <summary>The components not created, in the page's display order, each with its reason.</summary>
    public required IReadOnlyList<SkippedComponent> Skipped { get; init; }
}
