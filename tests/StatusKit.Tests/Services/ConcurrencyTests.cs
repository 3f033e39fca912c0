using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Services;

public sealed class ConcurrencyTests
{
    /// <summary>
    /// Each service call waits for the engine's queue; a request queued just as the queue's worker finishes must still run.
    /// (A hang here was a lost wake-up: the worker had left its loop but its task was not yet complete, so the request
    /// was queued with nobody to run it.)
    /// </summary>
    [Fact]
    public async Task BackToBackServiceCalls_AllComplete()
    {
        await using var kit = new StatusKitHarness();
        // The recomputes go to two components; each of the 200 concurrent operator calls changes a component of its own
        // (concurrent edits of one component are a compare-and-set each, which the conflict tests cover).
        var (_, c) = await kit.CreatePageAsync("Acme", [.. Enumerable.Range(0, 200).Select(i => ($"Component {i:D3}", (string?)null, (string?)null))]);

        var loops = Enumerable.Range(0, 4).Select(loop => Task.Run(async () =>
        {
            for (var i = 0; i < 2_500; i++)
            {
                await kit.Engine.RecomputeComponentsAsync([c[(i + loop) % 2].Id], "test", CancellationToken.None);
            }
        }));
        var calls = Task.WhenAll(loops.Append(Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            kit.Components.SetManualStatusAsync(c[i].Id, ComponentStatus.DegradedPerformance))))));

        // A guard against a hang only; the calls take well under a second when nothing is lost.
        await calls.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(calls.IsCompletedSuccessfully);
    }
}
