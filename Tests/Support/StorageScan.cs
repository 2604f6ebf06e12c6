using Azure.Data.Tables;
using CareCompanion.Storage;

namespace CareCompanion.Tests.Support;

/// <summary>Reads every row of a bot's tables, as a storage admin could, to find where a value is still written down.</summary>
public static class StorageScan
{
    /// <summary>"table pk/rk" for each row holding any of the values (as written, or encoded as a key) in its keys or properties.</summary>
    public static IReadOnlyList<string> RowsHolding(BotServer bot, params string[] values)
    {
        var forms = values.SelectMany(v => new[] { v, KeyEncoding.Encode(v) }).Distinct().ToList();
        return [.. TableNames.All.SelectMany(name => bot.Get<Tables>().Get(name).Query<TableEntity>()
            .Where(row => row.Select(p => p.Value?.ToString() ?? "").Append(row.PartitionKey).Append(row.RowKey)
                .Any(text => forms.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase))))
            .Select(row => $"{name} {row.PartitionKey}/{row.RowKey}"))];
    }
}
