using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Testing;

namespace StatusKit.Tests.InMemory;

/// <summary>Runs the shared <see cref="IStatusStore"/> contract against <see cref="InMemoryStatusStore"/>.</summary>
public sealed class InMemoryStatusStoreContractTests : StatusStoreContractTests
{
    protected override Task<IStatusStore> CreateStoreAsync() => Task.FromResult<IStatusStore>(new InMemoryStatusStore());
}
