using System.Text;
using Azure.Data.Tables;

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

    /// <summary>The partition of one team's rows in a tenant ("tenant|team"): ideas, goals, roles, pulse rounds.</summary>
    public static string TeamPartition(string tenantId, string teamId) => Encode(tenantId) + "|" + Encode(teamId);

    /// <summary>
    /// A filter for exactly the tenant's team partitions ("tenant|…"): '}' sorts right after '|'. Add conditions with
    /// " and …"; used for privacy requests and lists across a person's teams, never for a single team.
    /// </summary>
    public static string TenantTeamsFilter(string tenantId) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {Encode(tenantId) + "|"} and PartitionKey lt {Encode(tenantId) + "}"}");

    /// <summary>The team id in a "tenant|team" partition key.</summary>
    public static string TeamOf(string teamPartitionKey) => Decode(teamPartitionKey[(teamPartitionKey.IndexOf('|') + 1)..]);
}
