using System.Collections.Frozen;

namespace StatusKit.Status;

/// <summary>
/// Maps an incident priority to the component status it implies. Keys are case-insensitive and compared without
/// surrounding white space (a configured " High" and a reported "high " are the same priority); an unknown priority
/// maps to <see cref="UnknownPriorityStatus"/>. Immutable and thread-safe.
/// </summary>
public sealed class PriorityStatusMap
{
    private readonly FrozenDictionary<string, ComponentStatus> _map;
    private readonly FrozenDictionary<string, ComponentStatus>.AlternateLookup<ReadOnlySpan<char>> _trimmed;

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
        _trimmed = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        UnknownPriorityStatus = unknownPriorityStatus;
    }

    /// <summary>The status an unknown priority maps to.</summary>
    public ComponentStatus UnknownPriorityStatus { get; }

    /// <summary>The configured priorities.</summary>
    public IReadOnlyCollection<string> Priorities => _map.Keys;

    /// <summary>The status <paramref name="priority"/> implies.</summary>
    public ComponentStatus Map(string? priority) => TryFind(priority, out var status) ? status : UnknownPriorityStatus;

    /// <summary>Whether <paramref name="priority"/> is in the table.</summary>
    public bool IsKnown(string? priority) => TryFind(priority, out _);

    // The exact lookup first (no trimming cost on the hot path), then without surrounding white space, if it has any.
    private bool TryFind(string? priority, out ComponentStatus status)
    {
        status = default;
        if (priority is null)
        {
            return false;
        }

        if (_map.TryGetValue(priority, out status))
        {
            return true;
        }

        var trimmed = priority.AsSpan().Trim();
        return trimmed.Length != priority.Length && _trimmed.TryGetValue(trimmed, out status);
    }
}
