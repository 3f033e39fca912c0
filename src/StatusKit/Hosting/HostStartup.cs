using Microsoft.Extensions.Hosting;

namespace StatusKit.Hosting;

/// <summary>Lets background services begin after <c>ApplicationStarted</c>, so they never slow start-up down.</summary>
internal static class HostStartup
{
    /// <summary>Waits until the application has started; false when the host stops first.</summary>
    public static async Task<bool> WaitForStartedAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return true;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
