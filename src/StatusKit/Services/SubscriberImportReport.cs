namespace StatusKit.Services;

/// <summary>What <see cref="SubscriberImportService.ImportAsync"/> did with each row it was given.</summary>
public sealed record SubscriberImportReport
{
    /// <summary>The rows that became subscribers, in the order given.</summary>
    public required IReadOnlyList<ImportedSubscriberRecord> Imported { get; init; }

    /// <summary>The rows not imported, in the order given, each with its reason.</summary>
    public required IReadOnlyList<SkippedSubscriber> Skipped { get; init; }

    /// <summary>
    /// The component names the page has no component of, trimmed, each once (in the order first met): the rows naming
    /// them were skipped. Import or create the components, then import the document again (the rows imported are skipped
    /// as already subscribed).
    /// </summary>
    public required IReadOnlyList<string> UnknownComponents { get; init; }
}
