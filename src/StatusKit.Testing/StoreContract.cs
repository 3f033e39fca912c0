using StatusKit.Abstractions;

namespace StatusKit.Testing;

/// <summary>
/// What the contract suites share: a fresh store per fact, created before it runs and disposed after it. xUnit creates
/// one instance of a test class per fact, so no two facts see each other's data.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private IStatusStore? _store;

    /// <summary>The fresh store of the running fact.</summary>
    protected IStatusStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Creates a new, empty store that shares no data with any other store this method returned.</summary>
    /// <returns>The store of one fact.</returns>
    protected abstract Task<IStatusStore> CreateStoreAsync();

    /// <summary>Disposes the store of a fact; by default when it is <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>.</summary>
    /// <param name="store">The store <see cref="CreateStoreAsync"/> returned.</param>
    /// <returns>A task that completes when the store is disposed.</returns>
    protected virtual async Task DisposeStoreAsync(IStatusStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    async Task IAsyncLifetime.InitializeAsync() => _store = await CreateStoreAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
    }
}
