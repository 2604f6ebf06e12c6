using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage;

/// <summary>
/// A record stored as JSON split over string properties: a string property holds at most 32K characters and a row
/// at most 1 MiB, so records that grow (ideas with comments, goals with check-ins) stay storable.
/// </summary>
public static class JsonRows
{
    private const int ChunkChars = 30_000;

    // Written as the characters themselves: the default escaping would store each æ, ø, å or emoji as \uXXXX, six
    // characters for one, and a record of Norwegian text would reach the row's limit six times sooner. Rows are never HTML.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const int MaxChunks = 15;

    public static TableEntity ToEntity<T>(T value, string partitionKey, string rowKey, ETag etag)
    {
        var chunks = JsonSerializer.Serialize(value, Options).Chunk(ChunkChars).Select(c => new string(c)).ToArray();
        if (chunks.Length > MaxChunks) throw new InvalidOperationException($"{typeof(T).Name} {rowKey} is too large to store.");
        var entity = new TableEntity(partitionKey, rowKey) { ["Chunks"] = chunks.Length };
        for (var i = 0; i < chunks.Length; i++) entity[$"Json{i}"] = chunks[i];
        if (etag != default) entity.ETag = etag;
        return entity;
    }

    public static T FromEntity<T>(TableEntity entity) =>
        JsonSerializer.Deserialize<T>(string.Concat(Enumerable.Range(0, entity.GetInt32("Chunks") ?? 0).Select(i => entity.GetString($"Json{i}"))))!;
}
