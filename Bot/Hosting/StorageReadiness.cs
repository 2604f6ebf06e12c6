using Azure.Data.Tables;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage;

namespace CareCompanion.Bot.Hosting;

/// <summary>
/// /readyz: whether this instance can reach storage now (503 while it cannot), so a load balancer or an operator sees
/// an outage and its end. /healthz stays "the process runs": an instance waiting out a storage outage needs no restart.
/// </summary>
public static class StorageReadiness
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public static async Task<IResult> CheckAsync(Tables tables, ILogger<Tables> logger, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        try
        {
            await foreach (var _ in tables.Get(TableNames.Teams).QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: patience.Token).AsPages())
            {
                break;
            }
            return Results.Ok(new { status = "ready", storage = "up" });
        }
        catch (Exception e) when (TransientFault.Is(e, ct))
        {
            logger.LogWarning("Readiness: storage cannot be reached ({Error}).", e.GetBaseException().Message);
            return Results.Json(new { status = "unavailable", storage = "down" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
