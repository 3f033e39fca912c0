using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Tests.Status;

/// <summary>The obvious O(C x I) computation, kept in the tests as the reference for the indexed calculator.</summary>
internal static class NaiveReference
{
    public static ComponentStatus[] IncidentStatuses(IReadOnlyList<Component> components, IReadOnlyList<IncidentSignal> signals, PriorityStatusMap map)
    {
        var result = new ComponentStatus[components.Count];
        for (var c = 0; c < components.Count; c++)
        {
            var status = ComponentStatus.Operational;
            foreach (var signal in signals)
            {
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
