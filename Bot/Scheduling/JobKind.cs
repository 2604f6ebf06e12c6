using System.Globalization;
using System.Text.Json;
using CareCompanion.Storage.Scheduling;

namespace CareCompanion.Bot.Scheduling;

/// <summary>
/// A kind of scheduled job and its payload record: the one place a job's id is formed and its payload written and read.
/// The id is part of the exactly-once promise (scheduling the same id twice makes one job), so it is built the same way
/// for every kind: the kind, the tenant, then the parts that make the job happen once ("idea.post|tenant|team|idea|0").
/// </summary>
public sealed class JobKind<TPayload>(string name) where TPayload : class
{
    public string Name { get; } = name;

    public string Id(string tenantId, params object[] parts) => string.Join('|', [Name, tenantId, .. parts.Select(Part)]);

    public ScheduledJob Create(string tenantId, DateTimeOffset dueAt, TPayload payload, params object[] idParts) => new()
    {
        JobId = Id(tenantId, idParts),
        Kind = Name,
        TenantId = tenantId,
        DueAt = dueAt,
        Payload = JsonSerializer.Serialize(payload),
    };

    public TPayload Read(ScheduledJob job) => JsonSerializer.Deserialize<TPayload>(job.Payload)!;

    private static string Part(object part) => part switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => part.ToString() ?? "",
    };
}
