using Azure.Data.Tables;
using CareCompanion.Storage;

namespace CareCompanion.Tests.Units;

/// <summary>How ids become table keys and records become rows, without storage.</summary>
public sealed class StorageKeysTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2")]
    [InlineData("a/b\\c#d?e%f")]
    [InlineData("line\nbreak")]
    [InlineData("æøå 🙂")]
    public void Any_id_survives_the_key_encoding_and_holds_no_character_Table_Storage_forbids(string id)
    {
        var key = KeyEncoding.Encode(id);

        Assert.Equal(id, KeyEncoding.Decode(key));
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void A_team_partition_gives_back_its_team_even_when_the_team_id_has_slashes()
    {
        Assert.Equal("19:a/b@thread", KeyEncoding.TeamOf(KeyEncoding.TeamPartition("tenant-1", "19:a/b@thread")));
    }

    private sealed record Sample(string Text);

    [Theory]
    [InlineData(10)]
    [InlineData(30_000)]
    [InlineData(100_000)]
    public void A_record_of_Norwegian_text_is_split_over_properties_of_at_most_32K_characters_and_read_back_whole(int length)
    {
        var record = new Sample(new string('ø', length));

        var entity = JsonRows.ToEntity(record, "pk", "rk", default);

        Assert.All(entity.Keys.Where(k => k.StartsWith("Json")), key => Assert.True(((string)entity[key]).Length <= 32_000));
        Assert.Equal(record, JsonRows.FromEntity<Sample>(entity));
    }

    [Fact]
    public void A_record_too_large_for_one_row_is_refused_not_cut()
    {
        Assert.Throws<InvalidOperationException>(() => JsonRows.ToEntity(new Sample(new string('x', 600_000)), "pk", "rk", default));
    }
}
