using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Status;
using StatusKit.Upstream;

namespace StatusKit.Services;

/// <summary>Creates, changes, orders and deletes components, and sets or clears an operator's manual status.</summary>
public sealed class ComponentService
{
    /// <summary>The largest display order a component takes.</summary>
    internal const int MaxDisplayOrder = 1_000_000;
    private readonly IStatusStore _store;
    private readonly StatusEngine _engine;
    private readonly ManualStatusExpiry _expiry;
    private readonly TimeProvider _time;
    private readonly AuditTrail _audit;
    private readonly UpstreamPoller? _upstream;

    internal ComponentService(IStatusStore store, StatusEngine engine, ManualStatusExpiry expiry, TimeProvider time, AuditTrail audit, UpstreamPoller? upstream = null)
    {
        _upstream = upstream;
        _store = store;
        _engine = engine;
        _expiry = expiry;
        _time = time;
        _audit = audit;
    }

    /// <summary>
    /// Adds a component; its status is computed at once from its team's open incidents. Without a display order it goes
    /// after the page's last component (at most at the largest order, 1,000,000).
    /// </summary>
    public async Task<Component> CreateAsync(CreateComponent request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guard.Name(request.Name, "name");
        await _store.RequirePageAsync(request.PageId, cancellationToken);
        var existing = await _store.ListComponentsAsync(request.PageId, cancellationToken);
        // Appended after the last component, but never past the largest order (where ties are ordered by name).
        var order = request.DisplayOrder ?? (existing.Count == 0 ? 0 : Math.Min(existing.Max(c => c.DisplayOrder), MaxDisplayOrder - 1) + 1);
        var component = New(request, order, _time.GetUtcNow());
        await _store.AddComponentAsync(component, cancellationToken);
        await _audit.RecordAsync(component.PageId, AuditActions.ComponentCreated, "component", component.Id);
        if (component.UpstreamUrl is not null)
        {
            // Its upstream is read at once, not at the poller's next interval.
            _upstream?.Wake();
        }

        return await SettleAsync(component, StatusHistoryEntry.CreationCause, cancellationToken);
    }

    /// <summary>
    /// The component <paramref name="request"/> describes at <paramref name="order"/>, its fields checked as every new
    /// component's are (a <see cref="StatusKitValidationException"/> naming the field); not yet stored. Shared with
    /// <see cref="ComponentImportService"/>, so an imported component follows the same rules.
    /// </summary>
    internal static Component New(CreateComponent request, int order, DateTimeOffset now)
    {
        var name = Guard.Name(request.Name, "name");
        Guard.Range(order, "displayOrder", 0, MaxDisplayOrder);
        var upstreamUrl = UpstreamGuard.Url(request.UpstreamUrl);
        return new Component
        {
            Id = Guid.CreateVersion7(now),
            PageId = request.PageId,
            Name = name,
            Description = Guard.OptionalText(request.Description, "description"),
            DisplayOrder = order,
            GroupName = Guard.OptionalText(request.GroupName, "groupName", Guard.MaxNameLength),
            TeamId = Guard.OptionalText(request.TeamId, "teamId", Guard.MaxNameLength),
            ServiceIdentifier = Guard.OptionalText(request.ServiceIdentifier, "serviceIdentifier", Guard.MaxNameLength),
            OnlyShowIfDegraded = request.OnlyShowIfDegraded,
            UpstreamUrl = upstreamUrl,
            UpstreamComponentId = UpstreamGuard.ComponentId(request.UpstreamComponentId, upstreamUrl),
            StatusUpdatedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    /// <summary>The component with <paramref name="componentId"/>, or null.</summary>
    public Task<Component?> GetAsync(Guid componentId, CancellationToken cancellationToken = default) =>
        _store.GetComponentAsync(componentId, cancellationToken);

    /// <summary>A page's components in display order.</summary>
    public Task<IReadOnlyList<Component>> ListAsync(Guid pageId, CancellationToken cancellationToken = default) =>
        _store.ListComponentsAsync(pageId, cancellationToken);

    /// <summary>
    /// Changes a component's descriptive fields, team, service, <see cref="Component.OnlyShowIfDegraded"/> or upstream
    /// (<see cref="Component.UpstreamUrl"/>, <see cref="Component.UpstreamComponentId"/>); its status is recomputed. Only the fields the request
    /// names change: when someone else changed the component meanwhile, the change is applied again to what they left
    /// (a few times at most), unless <see cref="UpdateComponent.ExpectedVersion"/> is given, which must then be the
    /// stored version (else <see cref="StatusKitConcurrencyException"/>, changing nothing). A request that changes
    /// nothing writes nothing: the component keeps its version and update time.
    /// </summary>
    public async Task<Component> UpdateAsync(Guid componentId, UpdateComponent changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.DisplayOrder is { } order)
        {
            Guard.Range(order, "displayOrder", 0, MaxDisplayOrder);
        }

        IReadOnlyList<string> fields = [];
        var updated = await EditAsync(
            componentId,
            changes.ExpectedVersion,
            component => Edited(component, WithUpstream(component with
            {
                Name = changes.Name is null ? component.Name : Guard.Name(changes.Name, "name"),
                Description = changes.Description is null ? component.Description : Guard.OptionalText(changes.Description, "description"),
                DisplayOrder = changes.DisplayOrder ?? component.DisplayOrder,
                GroupName = changes.GroupName is null ? component.GroupName : Guard.OptionalText(changes.GroupName, "groupName", Guard.MaxNameLength),
                TeamId = changes.TeamId is null ? component.TeamId : Guard.OptionalText(changes.TeamId, "teamId", Guard.MaxNameLength),
                ServiceIdentifier = changes.ServiceIdentifier is null ? component.ServiceIdentifier : Guard.OptionalText(changes.ServiceIdentifier, "serviceIdentifier", Guard.MaxNameLength),
                OnlyShowIfDegraded = changes.OnlyShowIfDegraded ?? component.OnlyShowIfDegraded,
            }, changes), out fields),
            cancellationToken);
        await RecordUpdateAsync(updated, fields);
        if (updated.UpstreamUrl is not null && (fields.Contains(UpstreamGuard.UrlField) || fields.Contains(UpstreamGuard.ComponentIdField)))
        {
            _upstream?.Wake();
        }

        return await SettleAsync(updated, "component changed", cancellationToken);
    }

    /// <summary>
    /// Deletes a component. Its id leaves the page's incidents, maintenance windows and subscribers; a subscriber that
    /// followed only this component is deactivated rather than left following every component
    /// (<see cref="IStatusStore.DeleteComponentAsync"/>). False when it did not exist.
    /// </summary>
    public Task<bool> DeleteAsync(Guid componentId, CancellationToken cancellationToken = default) =>
        DeleteAsync(componentId, null, cancellationToken);

    /// <summary>
    /// Deletes a component like <see cref="DeleteAsync(Guid, CancellationToken)"/>, when given only if it is still at
    /// <paramref name="expectedVersion"/> (else <see cref="StatusKitConcurrencyException"/>, deleting nothing). The
    /// version is checked by the store's delete itself, so a change that lands after the component was read is never deleted
    /// unseen.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid componentId, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var component = await _store.GetComponentAsync(componentId, cancellationToken);
        if (component is null)
        {
            return false;
        }

        OptimisticEdit.RequireVersion("component", componentId, expectedVersion, component.Version);

        var changedAt = component.StatusUpdatedAt > component.UpdatedAt ? component.StatusUpdatedAt : component.UpdatedAt;
        await _store.BeforeRemovalAsync(component.PageId, _time.GetUtcNow(), changedAt, cancellationToken);
        if (!await _store.DeleteComponentAsync(componentId, expectedVersion, cancellationToken))
        {
            return false;
        }

        await _audit.RecordAsync(component.PageId, AuditActions.ComponentDeleted, "component", componentId);
        await _engine.RefreshPageAsync(component.PageId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Sets the display order of every component of a page at once (each id exactly once). Returns the page's
    /// <see cref="StatusPage.Version"/> as the reorder left it (see <see cref="IStatusStore.ReorderComponentsAsync"/>).
    /// </summary>
    public Task<long> ReorderAsync(Guid pageId, IReadOnlyList<Guid> orderedComponentIds, CancellationToken cancellationToken = default) =>
        ReorderAsync(pageId, orderedComponentIds, null, cancellationToken);

    /// <summary>
    /// Sets the display order like <see cref="ReorderAsync(Guid, IReadOnlyList{Guid}, CancellationToken)"/>. The order is
    /// the page's: a reorder that changes it moves the page's <see cref="StatusPage.Version"/>, and when
    /// <paramref name="expectedPageVersion"/> is given it applies only if the page is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing), so it never undoes a reorder it did not see.
    /// Without it, the reorder applies at the version it reads, and a page changed meanwhile is read again (up to three
    /// times, then <see cref="StatusKitConcurrencyException"/>), so the audit entry
    /// (<see cref="Audit.AuditActions.ComponentsReordered"/>) is recorded exactly when this reorder changed an order.
    /// Returns the page's version as the reorder left it: the version it applied at or the one after it.
    /// </summary>
    public async Task<long> ReorderAsync(Guid pageId, IReadOnlyList<Guid> orderedComponentIds, long? expectedPageVersion, CancellationToken cancellationToken = default)
    {
        // An unknown page is a 404 whatever the list says, as for every other write to a page.
        StatusPage? page = await _store.RequirePageAsync(pageId, cancellationToken);
        if (orderedComponentIds is null || orderedComponentIds.Count == 0)
        {
            throw new StatusKitValidationException("componentIds", "List every component of the page, in the new order.");
        }

        Guard.DistinctIds(orderedComponentIds, "componentIds");
        var (before, pageVersion) = expectedPageVersion is { } expected
            ? (expected, await _store.ReorderComponentsAsync(pageId, orderedComponentIds, expected, cancellationToken))
            : await OptimisticEdit.RetryAsync(async () =>
            {
                // Without the caller's version, the one just read: the reorder is then a compare-and-set on it too, so
                // whether it moved tells whether this reorder changed an order, not whether another change landed
                // between the read and the write. One that lost to another change reads the page again.
                var read = page ?? await _store.RequirePageAsync(pageId, cancellationToken);
                page = null;
                return (read.Version, await _store.ReorderComponentsAsync(pageId, orderedComponentIds, read.Version, cancellationToken));
            });
        if (pageVersion != before)
        {
            // The page's version moves with the order only when an order changed: the audit entry is of what committed.
            await _audit.RecordAsync(pageId, AuditActions.ComponentsReordered, "page", pageId, ["displayOrder"]);
        }

        await _store.AfterChangeAsync(pageId, _time.GetUtcNow(), cancellationToken);
        await _engine.RefreshPageAsync(pageId, cancellationToken);
        return pageVersion;
    }

    /// <summary>
    /// Sets an operator's status, until <paramref name="expiresAt"/> when given (the component's status then changes
    /// back by itself at that time, and the manual status is cleared from the component, recorded in the audit log as
    /// made by <c>system</c>). It raises the computed status but never hides an open incident. Returns the
    /// component with its new effective status. The component's other fields stay as they are stored, even when someone
    /// changed them since it was read.
    /// </summary>
    public Task<Component> SetManualStatusAsync(Guid componentId, ComponentStatus status, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        SetManualStatusAsync(componentId, status, expiresAt, null, cancellationToken);

    /// <summary>
    /// Sets an operator's status like <see cref="SetManualStatusAsync(Guid, ComponentStatus, DateTimeOffset?, CancellationToken)"/>,
    /// when <paramref name="expectedVersion"/> is given only if the component is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing).
    /// </summary>
    public async Task<Component> SetManualStatusAsync(
        Guid componentId, ComponentStatus status, DateTimeOffset? expiresAt, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.Defined(status, "status");
        if (expiresAt is { } expiry && expiry <= _time.GetUtcNow())
        {
            throw new StatusKitValidationException("expiresAt", $"The expiry must be in the future (was {expiry:O}).");
        }

        IReadOnlyList<string> fields = [];
        var updated = await EditAsync(
            componentId,
            expectedVersion,
            component => ManualFields(component, component with { ManualStatus = status, ManualStatusExpiresAt = expiresAt, UpdatedAt = _time.GetUtcNow() }, out fields),
            cancellationToken);
        await RecordUpdateAsync(updated, fields);
        if (expiresAt is { } at)
        {
            _expiry.Expect(componentId, at);
        }

        return await SettleAsync(updated, $"manual status {status.ToDisplayName()}", cancellationToken);
    }

    /// <summary>Clears the operator's status; the component returns to its computed status.</summary>
    public Task<Component> ClearManualStatusAsync(Guid componentId, CancellationToken cancellationToken = default) =>
        ClearManualStatusAsync(componentId, null, cancellationToken);

    /// <summary>
    /// Clears the operator's status like <see cref="ClearManualStatusAsync(Guid, CancellationToken)"/>, when
    /// <paramref name="expectedVersion"/> is given only if the component is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing).
    /// </summary>
    public async Task<Component> ClearManualStatusAsync(Guid componentId, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> fields = [];
        var updated = await EditAsync(
            componentId,
            expectedVersion,
            component => ManualFields(component, component with { ManualStatus = null, ManualStatusExpiresAt = null, UpdatedAt = _time.GetUtcNow() }, out fields),
            cancellationToken);
        await RecordUpdateAsync(updated, fields);
        return await SettleAsync(updated, "manual status cleared", cancellationToken);
    }

    /// <summary>
    /// The component as an edit leaves it: the very instance read when the edit changes nothing (an empty PATCH, the same
    /// values again, a retry), which writes nothing and keeps the version, so a client's ETag stays valid.
    /// </summary>
    private Component Edited(Component read, Component edited, out IReadOnlyList<string> fields)
    {
        fields = new AuditFields()
            .Add("name", read.Name, edited.Name)
            .Add("description", read.Description, edited.Description)
            .Add("displayOrder", read.DisplayOrder, edited.DisplayOrder)
            .Add("groupName", read.GroupName, edited.GroupName)
            .Add("teamId", read.TeamId, edited.TeamId)
            .Add("serviceIdentifier", read.ServiceIdentifier, edited.ServiceIdentifier)
            .Add("onlyShowIfDegraded", read.OnlyShowIfDegraded, edited.OnlyShowIfDegraded)
            .Add(UpstreamGuard.UrlField, read.UpstreamUrl, edited.UpstreamUrl)
            .Add(UpstreamGuard.ComponentIdField, read.UpstreamComponentId, edited.UpstreamComponentId)
            .Names;
        return edited == read ? read : edited with { UpdatedAt = _time.GetUtcNow() };
    }

    // The upstream an update asks for: a URL left out keeps the stored one, an empty one stops following (and takes the
    // upstream component's id with it, unless the request names one, which is then refused for want of a URL).
    private static Component WithUpstream(Component component, UpdateComponent changes)
    {
        var url = changes.UpstreamUrl is null ? component.UpstreamUrl : UpstreamGuard.Url(changes.UpstreamUrl);
        var id = changes.UpstreamComponentId ?? (url is null ? null : component.UpstreamComponentId);
        return component with { UpstreamUrl = url, UpstreamComponentId = UpstreamGuard.ComponentId(id, url) };
    }

    // The operator's status fields an edit of them changed (none when it sets them as they were).
    private static Component ManualFields(Component read, Component edited, out IReadOnlyList<string> fields)
    {
        fields = new AuditFields()
            .Add("manualStatus", read.ManualStatus, edited.ManualStatus)
            .Add("manualStatusExpiresAt", read.ManualStatusExpiresAt, edited.ManualStatusExpiresAt)
            .Names;
        return edited;
    }

    // An edit that changed no field records nothing.
    private Task RecordUpdateAsync(Component updated, IReadOnlyList<string> fields) =>
        fields.Count == 0 ? Task.CompletedTask : _audit.RecordAsync(updated.PageId, AuditActions.ComponentUpdated, "component", updated.Id, fields);

    /// <summary>Applies <paramref name="change"/> to the stored component by compare-and-set (<see cref="OptimisticEdit"/>).</summary>
    private Task<Component> EditAsync(Guid componentId, long? expectedVersion, Func<Component, Component> change, CancellationToken cancellationToken) =>
        OptimisticEdit.ApplyAsync(
            "component",
            componentId,
            expectedVersion,
            () => RequireAsync(componentId, cancellationToken),
            static c => c.Version,
            component => Task.FromResult(change(component)),
            component => _store.UpdateComponentAsync(component, cancellationToken));

    private async Task<Component> SettleAsync(Component component, string cause, CancellationToken cancellationToken)
    {
        await _engine.RecomputeComponentsAsync([component.Id], cause, cancellationToken);
        await _engine.RefreshPageAsync(component.PageId, cancellationToken);
        return await _store.GetComponentAsync(component.Id, cancellationToken) ?? component;
    }

    private async Task<Component> RequireAsync(Guid componentId, CancellationToken cancellationToken) =>
        await _store.GetComponentAsync(componentId, cancellationToken) ?? throw new StatusKitNotFoundException("component", componentId.ToString(), "componentId");
}
