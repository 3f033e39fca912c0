namespace StatusKit.Tests;

/// <summary>
/// The tests that measure latency on the real clock run alone, after the thousands of tests the runner runs in
/// parallel: what they bound is how late the library acts, not how long a loaded machine's thread pool keeps a timer's
/// callback waiting.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealClockCollection
{
    public const string Name = "real clock";
}
