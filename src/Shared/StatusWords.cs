using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Shared;

/// <summary>
/// The words of the statuses and incident states in each of <see cref="PageLanguages.Supported"/>: one set, so a page
/// (<c>PageTexts</c>) and its notices (<c>NoticeTexts</c>) always name a status alike. Compiled into each StatusKit
/// assembly that needs it (shared source, internal).
/// </summary>
internal sealed record StatusWords(
    string Operational,
    string UnderMaintenance,
    string DegradedPerformance,
    string PartialOutage,
    string MajorOutage,
    string Investigating,
    string Identified,
    string Monitoring,
    string Resolved)
{
    /// <summary>English, as <see cref="ComponentStatusExtensions.ToDisplayName"/> and the states' names read.</summary>
    public static StatusWords English { get; } = new(
        "Operational", "Under Maintenance", "Degraded Performance", "Partial Outage", "Major Outage",
        "Investigating", "Identified", "Monitoring", "Resolved");

    /// <summary>German.</summary>
    public static StatusWords German { get; } = new(
        "Betriebsbereit", "In Wartung", "Eingeschränkte Leistung", "Teilausfall", "Schwerer Ausfall",
        "Wird untersucht", "Ursache gefunden", "Wird beobachtet", "Behoben");

    /// <summary>French.</summary>
    public static StatusWords French { get; } = new(
        "Opérationnel", "En maintenance", "Performances dégradées", "Panne partielle", "Panne majeure",
        "Analyse en cours", "Cause identifiée", "Sous surveillance", "Résolu");

    /// <summary>Spanish.</summary>
    public static StatusWords Spanish { get; } = new(
        "Operativo", "En mantenimiento", "Rendimiento degradado", "Caída parcial", "Caída grave",
        "Investigando", "Identificado", "En observación", "Resuelto");

    /// <summary>The words of <paramref name="language"/>; English for null or a tag without words.</summary>
    public static StatusWords For(string? language) => LanguageChoice.Of(language, English, German, French, Spanish);

    /// <summary>A component's status.</summary>
    public string Status(ComponentStatus status) => status switch
    {
        ComponentStatus.Operational => Operational,
        ComponentStatus.UnderMaintenance => UnderMaintenance,
        ComponentStatus.DegradedPerformance => DegradedPerformance,
        ComponentStatus.PartialOutage => PartialOutage,
        ComponentStatus.MajorOutage => MajorOutage,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown component status."),
    };

    /// <summary>An incident's state.</summary>
    public string State(StatusIncidentState state) => state switch
    {
        StatusIncidentState.Investigating => Investigating,
        StatusIncidentState.Identified => Identified,
        StatusIncidentState.Monitoring => Monitoring,
        StatusIncidentState.Resolved => Resolved,
        _ => state.ToString(),
    };
}
