using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Benchmarks;

/// <summary>
/// The baseline: what the original TypeScript service did, for every component a scan of every open incident
/// (O(C x I)); the same shape as <c>tests/StatusKit.Tests/Status/NaiveReference.cs</c>.
/// </summary>
internal static class NaiveStatusScan
{
    public static ComponentStatus[] IncidentStatuses(IReadOnlyList<Component> components, IReadOnlyList<IncidentSignal> signals, PriorityStatusMap map)
    {
        var result = new ComponentStatus[components.Count];
        for (var c = 0; c < components.Count; c++)
        {
            var status = ComponentStatus.Operational;
            for (var s = 0; s < signals.Count; s++)
            {
                var signal = signals[s];
                if (ComponentMatcher.Affects(signal, components[c]))
                {
                    status = status.Worst(map.Map(signal.Priority));
                }
            }

            result[c] = status;
        }

        return result;
    }
}
