using StatusKit.Model;
using StatusKit.Notifications.Texts;

namespace StatusKit.Notifications;

/// <summary>
/// The paragraph with which a status incident's or a maintenance window's notice names the components it concerns, so a
/// subscriber reads what is affected without opening the page: <c>Affected components: API, Database</c>, in the page's
/// display order, leaving out any component deleted since; the same components go, as ids and names, into
/// <see cref="NotificationContent.AffectedComponents"/> for channels that carry structured data (webhooks).
/// </summary>
internal static class AffectedComponents
{
    /// <summary>
    /// The components of <paramref name="componentIds"/> still on the page, in the order of <paramref name="pageComponents"/>
    /// (the page's components in display order).
    /// </summary>
    public static IReadOnlyList<NotificationComponent> Of(IReadOnlyList<Guid> componentIds, IReadOnlyList<Component> pageComponents)
    {
        ArgumentNullException.ThrowIfNull(componentIds);
        ArgumentNullException.ThrowIfNull(pageComponents);
        return componentIds.Count == 0
            ? []
            : [.. pageComponents.Where(c => componentIds.Contains(c.Id)).Select(c => new NotificationComponent(c.Id, c.Name))];
    }

    /// <summary>The paragraph naming <paramref name="affected"/> in <paramref name="texts"/> (English by default); null when there are none.</summary>
    public static string? Paragraph(IReadOnlyList<NotificationComponent> affected, NoticeTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(affected);
        var words = texts ?? NoticeTexts.English;
        return affected.Count == 0 ? null : words.Format(words.AffectedComponents, string.Join(", ", affected.Select(c => c.Name)));
    }

    /// <summary>
    /// The components <paramref name="componentIds"/> name on <paramref name="pageId"/>, read only when a notice will
    /// name them: there are subscribers to plan for, and the incident or window names components.
    /// </summary>
    public static async Task<IReadOnlyList<NotificationComponent>> ReadAsync(
        Abstractions.IStatusStore store, Guid pageId, IReadOnlyList<Guid> componentIds, IReadOnlyList<Subscriber> subscribers, CancellationToken cancellationToken) =>
        subscribers.Count == 0 || componentIds.Count == 0
            ? []
            : Of(componentIds, await store.ListComponentsAsync(pageId, cancellationToken));
}
