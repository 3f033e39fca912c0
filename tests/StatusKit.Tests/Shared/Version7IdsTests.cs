using StatusKit.Shared;

namespace StatusKit.Tests.Shared;

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
    public void Ids_of_the_same_millisecond_increase_in_the_order_they_are_made()
    {
        var at = DateTimeOffset.UnixEpoch.AddYears(55);
        var ids = new Version7Ids(expectedCount: 2);

        var batch = Enumerable.Range(0, 50).Select(_ => ids.Next(at)).ToArray();

        Assert.Equal(batch, batch.Order());
        Assert.All(batch, id => Assert.Equal((7, 0b10), (id.Version, id.Variant >> 2)));
    }

    [Fact]
    public void Ids_beyond_the_expected_count_draw_new_random_bits_and_stay_distinct()
    {
        var at = DateTimeOffset.UnixEpoch.AddYears(55);
        var ids = new Version7Ids(expectedCount: 2);

        var batch = Enumerable.Range(0, 50).Select(_ => ids.Next(at)).ToArray();

        Assert.Equal(50, batch.Select(g => g.ToString("N")[13..]).Distinct().Count());
    }

    [Fact]
    public void Instants_before_the_epoch_are_refused_as_by_Guid_CreateVersion7()
    {
        var ids = new Version7Ids();

        Assert.Throws<ArgumentOutOfRangeException>(() => ids.Next(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));
        Assert.Equal(7, ids.Next(DateTimeOffset.UnixEpoch).Version);
    }
}
