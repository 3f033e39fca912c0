using StatusKit.Abstractions;
using StatusKit.Testing;

namespace StatusKit.Tests.Maintenance;

/// <summary>The default scheduler behind the shared <see cref="IMaintenanceScheduler"/> contract.</summary>
public sealed class DefaultMaintenanceSchedulerContractTests : MaintenanceSchedulerContractTests
{
    protected override Task<MaintenanceSchedulerTestHost> CreateHostAsync(ManualTimeProvider time, IStatusStore store) =>
        MaintenanceSchedulerTestHost.StartAsync(time, store);
}
