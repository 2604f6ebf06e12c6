using System.Text;

namespace CareCompanion.Storage;

/// <summary>
/// Makes any id safe as a PartitionKey/RowKey: Table Storage forbids '/', '\', '#', '?' and control characters,
/// which Teams ids may in principle hold. Percent-encodes those (and '%' itself), so encoding is reversible.
/// </summary>
public static class KeyEncoding
{
    public static string Encode(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var builder = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    public static string Decode(string key) => Uri.UnescapeDataString(key);

    /// <summary>The team id in a "tenant|team" partition key.</summary>
    public static string TeamOf(string teamPartitionKey) => Decode(teamPartitionKey[(teamPartitionKey.IndexOf('|') + 1)..]);
}
