using StatusKit.Testing;

namespace StatusKit.Tests;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Advance_PastTimerDueTime_FiresTimerOnce()
    {
        var clock = new ManualTimeProvider();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, fired);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, fired);
    }
}
