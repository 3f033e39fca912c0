using StatusKit.Notifications;

namespace StatusKit.Tests.Notifications;

/// <summary>Whose failure a <see cref="NotificationResult"/> is: the sending side's unless a notifier says the destination's.</summary>
public sealed class NotificationResultTests
{
    [Fact]
    public void Failures_AreTheSendingSides_UnlessMarked()
    {
        Assert.False(NotificationResult.Retry("smtp down").IsDestinationFailure);
        Assert.False(NotificationResult.Permanent("bad configuration").IsDestinationFailure);
        Assert.False(NotificationResult.Delivered.IsDestinationFailure);
    }

    [Fact]
    public void Gone_IsAlwaysTheDestinations()
    {
        Assert.True(NotificationResult.Gone("HTTP 410").IsDestinationFailure);
    }

    [Fact]
    public void AtDestination_MarksTheFailure_AndKeepsEverythingElse()
    {
        var retry = NotificationResult.Retry("HTTP 503", TimeSpan.FromSeconds(30));

        var marked = retry.AtDestination();

        Assert.True(marked.IsDestinationFailure);
        Assert.Equal((retry.Kind, retry.Error, retry.RetryAfter), (marked.Kind, marked.Error, marked.RetryAfter));
        Assert.False(retry.IsDestinationFailure);
    }

    [Fact]
    public void AtDestination_OfADelivery_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => NotificationResult.Delivered.AtDestination());
    }
}
