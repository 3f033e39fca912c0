using StatusKit.Model;

namespace StatusKit.Shared;

/// <summary>
/// The orders every store lists components in; total, because the id breaks every tie. Names compare by code point
/// (<see cref="CodePointOrder"/>), as the databases' binary collations order them, and ids as
/// <see cref="Guid.CompareTo(Guid)"/> does, which is also the order of their upper-case text (SQLite) and of their bytes
/// (PostgreSQL). Compiled into each StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class ComponentOrder
{
    /// <summary>Display order, then name, then id: a page's components.</summary>
    public static int ByDisplay(Component a, Component b)
    {
        var order = a.DisplayOrder.CompareTo(b.DisplayOrder);
        if (order != 0)
        {
            return order;
        }

        order = CodePointOrder.Compare(a.Name, b.Name);
        return order != 0 ? order : a.Id.CompareTo(b.Id);
    }

    /// <summary>Page id, then <see cref="ByDisplay"/>: the components of a recompute's scope.</summary>
    public static int ByPageThenDisplay(Component a, Component b)
    {
        var order = a.PageId.CompareTo(b.PageId);
        return order != 0 ? order : ByDisplay(a, b);
    }
}
