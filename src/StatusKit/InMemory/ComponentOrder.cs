using StatusKit.Model;

namespace StatusKit.InMemory;

/// <summary>The orders the in-memory store lists components in; total, because the id breaks every tie.</summary>
internal static class ComponentOrder
{
    /// <summary>Display order, then name (ordinal), then id: a page's components.</summary>
    public static int ByDisplay(Component a, Component b)
    {
        var order = a.DisplayOrder.CompareTo(b.DisplayOrder);
        if (order != 0)
        {
            return order;
        }

        order = string.CompareOrdinal(a.Name, b.Name);
        return order != 0 ? order : a.Id.CompareTo(b.Id);
    }

    /// <summary>Page id, then <see cref="ByDisplay"/>: the components of a recompute's scope.</summary>
    public static int ByPageThenDisplay(Component a, Component b)
    {
        var order = a.PageId.CompareTo(b.PageId);
        return order != 0 ? order : ByDisplay(a, b);
    }
}
