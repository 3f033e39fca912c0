// The example test class of docs/custom-store.md, compiled against the packed StatusKit.Testing package: an embedder's
// store runs the shared IStatusStore contract by deriving from StatusStoreContractTests and supplying a fresh store.
using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Testing;

/// <summary>Runs the shared <see cref="IStatusStore"/> contract against <see cref="InMemoryStatusStore"/>.</summary>
public sealed class InMemoryStatusStoreContractTests : StatusStoreContractTests
{
    protected override Task<IStatusStore> CreateStoreAsync() => Task.FromResult<IStatusStore>(new InMemoryStatusStore());
}
