using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    public Task<Component?> GetComponentAsync(Guid componentId, CancellationToken cancellationToken) =>
        Run(() => _components.GetValueOrDefault(componentId), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Ordered by display order, then name (ordinal), then id.</remarks>
    public Task<IReadOnlyList<Component>> ListComponentsAsync(Guid pageId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<Component>>(() => ComponentsInDisplayOrder(pageId), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Names are unique per page ignoring case (<see cref="CaseInsensitiveKey"/>).</remarks>
    public Task AddComponentAsync(Component component, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateComponent(component);
                EnsurePageExists(component.PageId);
                if (_components.ContainsKey(component.Id))
                {
                    throw DuplicateId("component", component.Id);
                }

                EnsureComponentNameFree(component.Id, component.PageId, component.Name);
                var stored = component with { Version = 1 };
                _components.Add(stored.Id, stored);
                IndexComponent(stored);
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="Component.UpdatedAt"/> is taken from <paramref name="component"/>; the id, page, status, status time
    /// and creation time are kept as stored.
    /// </remarks>
    public Task<Component> UpdateComponentAsync(Component component, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateComponent(component);
                if (!_components.TryGetValue(component.Id, out var stored))
                {
                    throw new StatusKitNotFoundException("component", component.Id.ToString());
                }

                EnsureVersion("component", component.Id, stored.Version, component.Version);
                EnsureComponentNameFree(component.Id, stored.PageId, component.Name);
                var updated = stored with
                {
                    Name = component.Name,
                    Description = component.Description,
                    DisplayOrder = component.DisplayOrder,
                    GroupName = component.GroupName,
                    TeamId = component.TeamId,
                    ServiceIdentifier = component.ServiceIdentifier,
                    OnlyShowIfDegraded = component.OnlyShowIfDegraded,
                    ManualStatus = component.ManualStatus,
                    ManualStatusExpiresAt = component.ManualStatusExpiresAt,
                    UpstreamUrl = component.UpstreamUrl,
                    UpstreamComponentId = component.UpstreamComponentId,
                    UpdatedAt = component.UpdatedAt,
                    Version = stored.Version + 1,
                };
                if (updated.UpstreamUrl != stored.UpstreamUrl || updated.UpstreamComponentId != stored.UpstreamComponentId)
                {
                    // What was read belongs to the upstream followed before.
                    updated = updated with { UpstreamStatus = null, UpstreamReadAt = null };
                }

                _components[component.Id] = updated;
                ReindexComponent(stored, updated);
                return updated;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Component>> ListUpstreamComponentsAsync(CancellationToken cancellationToken) =>
        Run<IReadOnlyList<Component>>(() => [.. _components.Values.Where(c => c.UpstreamUrl is not null)], cancellationToken);

    /// <inheritdoc />
    public Task<bool> RecordUpstreamStatusAsync(
        Guid componentId, long expectedVersion, DateTimeOffset? expectedReadAt, ComponentStatus status, DateTimeOffset readAt, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                if (!_components.TryGetValue(componentId, out var stored)
                    || stored.Version != expectedVersion
                    || stored.UpstreamUrl is null
                    || stored.UpstreamReadAt != expectedReadAt)
                {
                    return false;
                }

                _components[componentId] = stored with { UpstreamStatus = status, UpstreamReadAt = readAt };
                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteComponentAsync(Guid componentId, long? expectedVersion, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                EnsureVersionToDelete("component", componentId, _components.GetValueOrDefault(componentId)?.Version, expectedVersion);
                if (!_components.Remove(componentId, out var removed))
                {
                    return false;
                }

                UnindexComponent(removed);
                RemoveWhere(_history, h => h.ComponentId == componentId);
                ForgetComponent(removed);
                return true;
            },
            cancellationToken);

    /// <summary>Takes a deleted component's id out of its page's incidents, incident templates, windows and subscribers.</summary>
    private void ForgetComponent(Component removed)
    {
        var id = removed.Id;
        foreach (var incident in OnPage(_incidentIdsByPage, _incidents, removed.PageId, i => i.ComponentIds.Contains(id)))
        {
            _incidents[incident.Id] = incident with { ComponentIds = Without(incident.ComponentIds, id), Version = incident.Version + 1 };
        }

        foreach (var template in OnPage(_templateIdsByPage, _templates, removed.PageId, t => t.ComponentIds.Contains(id)))
        {
            _templates[template.Id] = template with { ComponentIds = Without(template.ComponentIds, id), Version = template.Version + 1 };
        }

        foreach (var window in OnPage(_windowIdsByPage, _windows, removed.PageId, w => w.ComponentIds.Contains(id)))
        {
            _windows[window.Id] = window with { ComponentIds = Without(window.ComponentIds, id), Version = window.Version + 1 };
        }

        foreach (var subscriber in OnPage(_subscriberIdsByPage, _subscribers, removed.PageId, s => s.ComponentIds.Contains(id)))
        {
            var rest = Without(subscriber.ComponentIds, id);
            // An empty list follows every component: one that followed only this component stops instead.
            _subscribers[subscriber.Id] = subscriber with
            {
                ComponentIds = rest,
                IsActive = subscriber.IsActive && rest.Count > 0,
                DeactivationReason = subscriber.IsActive && rest.Count == 0 ? SubscriberDeactivationReason.ComponentsDeleted : subscriber.DeactivationReason,
                Version = subscriber.Version + 1,
            };
        }
    }

    private static IReadOnlyList<Guid> Without(IReadOnlyList<Guid> ids, Guid id) =>
        ReadOnlyLists.Freeze([.. ids.Where(i => i != id)], "componentIds");

    /// <inheritdoc />
    /// <remarks>
    /// The display order becomes each component's index in <paramref name="orderedComponentIds"/> (0, 1, 2, …); a
    /// component already at its index keeps its version.
    /// A missing page throws <see cref="StatusKitNotFoundException"/>.
    /// </remarks>
    public Task<long> ReorderComponentsAsync(Guid pageId, IReadOnlyList<Guid> orderedComponentIds, long? expectedPageVersion, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(orderedComponentIds);
                EnsurePageExists(pageId);
                var page = _pages[pageId];
                if (expectedPageVersion is { } expected && expected != page.Version)
                {
                    throw StaleVersion.Of("page", pageId, expected);
                }

                var onPage = ComponentsOfPage(pageId).Select(c => c.Id).ToHashSet();
                var listed = orderedComponentIds.ToHashSet();
                if (listed.Count != orderedComponentIds.Count || !listed.SetEquals(onPage))
                {
                    throw new StatusKitValidationException(
                        "componentIds",
                        $"The new order must list each of the page's {onPage.Count} components exactly once; " +
                        $"got {orderedComponentIds.Count} ids ({listed.Count} distinct). Reload the components and retry.");
                }

                var changed = false;
                for (var index = 0; index < orderedComponentIds.Count; index++)
                {
                    var current = _components[orderedComponentIds[index]];
                    if (current.DisplayOrder != index)
                    {
                        _components[current.Id] = current with { DisplayOrder = index, Version = current.Version + 1 };
                        changed = true;
                    }
                }

                if (changed)
                {
                    page = page with { Version = page.Version + 1 };
                    _pages[pageId] = page;
                }

                return page.Version;
            },
            cancellationToken);

    private static void ValidateComponent(Component component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (component.Name is null)
        {
            throw new ArgumentException("The component's name must not be null.", nameof(component));
        }
    }

    private void EnsureComponentNameFree(Guid componentId, Guid pageId, string name)
    {
        if (ComponentsOfPage(pageId).Any(c =>
                c.Id != componentId && CaseInsensitiveKey.Same(c.Name, name)))
        {
            throw new StatusKitConflictException(
                "name",
                $"The page already has a component named '{name}' (names are compared ignoring case); choose another name.");
        }
    }

    private Component[] ComponentsInDisplayOrder(Guid pageId)
    {
        var components = ComponentsOfPage(pageId);
        Array.Sort(components, ComponentOrder.ByDisplay);
        return components;
    }
}
