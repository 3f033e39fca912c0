using StatusKit.Model;

namespace StatusKit.Notifications;

/// <summary>
/// The paragraph with which a status incident's or a maintenance window's notice names the components it concerns, so a
/// subscriber reads what is affected without opening the page: <c>Affected components: API, Database</c>, in the page's
/// display order, leaving out any component deleted since.
/// </summary>
internal static class AffectedComponents
{
    /// <summary>
    /// The paragraph for <paramref name="componentIds"/>, named from <paramref name="pageComponents"/> (the page's
    /// components in display order); null when none of them is on the page.
    /// </summary>
    public static string? Paragraph(IReadOnlyList<Guid> componentIds, IReadOnlyList<Component> pageComponents)
    {
        ArgumentNullException.ThrowIfNull(componentIds);
        ArgumentNullException.ThrowIfNull(pageComponents);
        if (componentIds.Count == 0)
        {
            return null;
        }

        var names = pageComponents.Where(c => componentIds.Contains(c.Id)).Select(c => c.Name).ToArray();
        return names.Length == 0 ? null : "Affected components: " + string.Join(", ", names);
    }

    /// <summary>
    /// The components <paramref name="componentIds"/> name on <paramref name="pageId"/>, read only when a notice will
    /// name them: there are subscribers to plan for, and the incident or window names components.
    /// </summary>
    public static async Task<string?> ReadAsync(
        Abstractions.IStatusStore store, Guid pageId, IReadOnlyList<Guid> componentIds, IReadOnlyList<Subscriber> subscribers, CancellationToken cancellationToken) =>
        subscribers.Count == 0 || componentIds.Count == 0
            ? null
            : Paragraph(componentIds, await store.ListComponentsAsync(pageId, cancellationToken));
}
