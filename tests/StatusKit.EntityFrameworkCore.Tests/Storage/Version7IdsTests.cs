using StatusKit.EntityFrameworkCore.Storage;

namespace StatusKit.EntityFrameworkCore.Tests.Storage;

public sealed class Version7IdsTests
{
    [Fact]
    public void Ids_are_version_7_with_the_rfc_variant_and_the_timestamp_in_milliseconds()
    {
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero).AddTicks(4_567);
        var ids = new Version7Ids(1_000);

        var batch = Enumerable.Range(0, 1_000).Select(i => ids.Next(at.AddMilliseconds(i))).ToArray();

        Assert.Equal(1_000, batch.Distinct().Count());
        for (var i = 0; i < batch.Length; i++)
        {
            var id = batch[i];
            Assert.Equal(7, id.Version);
            Assert.Equal(0b10, id.Variant >> 2);
            Assert.Equal(at.AddMilliseconds(i).ToUnixTimeMilliseconds(), Convert.ToInt64(id.ToString("N")[..12], 16));
            var reference = Guid.CreateVersion7(at.AddMilliseconds(i));
            Assert.Equal(reference.ToString("N")[..13], id.ToString("N")[..13]);
        }
    }

    [Fact]
    public void The_random_bits_differ_between_ids_of_the_same_millisecond()
    {
        var at = DateTimeOffset.UnixEpoch.AddYears(55);
        var ids = new Version7Ids(200);

        var batch = Enumerable.Range(0, 200).Select(_ => ids.Next(at)).ToArray();

        Assert.Equal(200, batch.Distinct().Count());
        Assert.Equal(200, batch.Select(g => g.ToString("N")[13..]).Distinct().Count());
    }

    [Fact]
    public void A_batch_gives_as_many_ids_as_it_was_made_for_and_refuses_instants_before_the_epoch()
    {
        var ids = new Version7Ids(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => ids.Next(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));

        ids.Next(DateTimeOffset.UnixEpoch);

        Assert.Throws<InvalidOperationException>(() => ids.Next(DateTimeOffset.UnixEpoch));
    }
}
