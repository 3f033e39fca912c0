using System.Collections.Frozen;

namespace StatusKit.Status;

/// <summary>
/// Maps an incident priority to the component status it implies. Keys are case-insensitive; an unknown priority maps
/// to <see cref="UnknownPriorityStatus"/>. Immutable and thread-safe.
/// </summary>
public sealed class PriorityStatusMap
{
    private readonly FrozenDictionary<string, ComponentStatus> _map;

    /// <summary>
    /// The default table: Critical → MajorOutage, High → PartialOutage, Medium → DegradedPerformance,
    /// Low → Operational, Info → Operational; unknown → DegradedPerformance.
    /// </summary>
    public static PriorityStatusMap Default { get; } = new(DefaultTable, ComponentStatus.DegradedPerformance);

    /// <summary>The default table as a dictionary (a copy; change it and pass it to the constructor to customise).</summary>
    public static IReadOnlyDictionary<string, ComponentStatus> DefaultTable => new Dictionary<string, ComponentStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["Critical"] = ComponentStatus.MajorOutage,
        ["High"] = ComponentStatus.PartialOutage,
        ["Medium"] = ComponentStatus.DegradedPerformance,
        ["Low"] = ComponentStatus.Operational,
        ["Info"] = ComponentStatus.Operational,
    };

    /// <summary>Creates a map from <paramref name="table"/> (priority → status) and the status for unknown priorities.</summary>
    public PriorityStatusMap(IEnumerable<KeyValuePair<string, ComponentStatus>> table, ComponentStatus unknownPriorityStatus)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!unknownPriorityStatus.IsDefined())
        {
            throw new ArgumentOutOfRangeException(nameof(unknownPriorityStatus), unknownPriorityStatus, "Unknown component status.");
        }

        var map = new Dictionary<string, ComponentStatus>(StringComparer.OrdinalIgnoreCase);
        foreach (var (priority, status) in table)
        {
            if (string.IsNullOrWhiteSpace(priority))
            {
                throw new ArgumentException("A priority name must not be empty.", nameof(table));
            }

            if (!status.IsDefined())
            {
                throw new ArgumentOutOfRangeException(nameof(table), status, $"Priority '{priority}' maps to an unknown status.");
            }

            if (!map.TryAdd(priority.Trim(), status))
            {
                throw new ArgumentException($"Priority '{priority}' appears twice (keys are case-insensitive).", nameof(table));
            }
        }

        _map = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        UnknownPriorityStatus = unknownPriorityStatus;
    }

    /// <summary>The status an unknown priority maps to.</summary>
    public ComponentStatus UnknownPriorityStatus { get; }

    /// <summary>The configured priorities.</summary>
    public IReadOnlyCollection<string> Priorities => _map.Keys;

    /// <summary>The status <paramref name="priority"/> implies.</summary>
    public ComponentStatus Map(string? priority) =>
        priority is not null && _map.TryGetValue(priority, out var status) ? status : UnknownPriorityStatus;

    /// <summary>Whether <paramref name="priority"/> is in the table.</summary>
    public bool IsKnown(string? priority) => priority is not null && _map.ContainsKey(priority);
}
