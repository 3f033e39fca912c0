using StatusKit.Hosting;

namespace StatusKit.Tests.Hosting;

public sealed class PassSignalTests
{
    [Fact]
    public void TrySleep_WakeDuringThePass_RefusesSoTheLoopRunsAgain()
    {
        var signal = new PassSignal();
        signal.BeginPass();

        signal.Wake();

        Assert.False(signal.TrySleep(out _));
    }

    [Fact]
    public void TrySleep_NoWakeDuringThePass_IsIdleUntilTheNextWake()
    {
        var signal = new PassSignal();
        signal.BeginPass();

        Assert.True(signal.TrySleep(out var woken));
        var idle = signal.WhenIdleAsync(CancellationToken.None);
        Assert.True(idle.IsCompletedSuccessfully);
        Assert.False(woken.IsCompleted);

        signal.Wake();

        Assert.True(woken.IsCompletedSuccessfully);
        Assert.False(signal.WhenIdleAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void WhenIdleAsync_BeforeTheFirstPassEnds_IsNotComplete()
    {
        var signal = new PassSignal();
        signal.Wake();
        signal.BeginPass();

        Assert.False(signal.WhenIdleAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void BeginPass_ServesTheWakesAskedBeforeIt()
    {
        var signal = new PassSignal();
        signal.Wake();

        signal.BeginPass();

        Assert.True(signal.TrySleep(out _));
    }
}
