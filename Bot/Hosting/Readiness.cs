using Azure.Data.Tables;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage;
using CareCompanion.Storage.Delivery;

namespace CareCompanion.Bot.Hosting;

/// <summary>
/// /readyz: whether this instance can reach Table Storage and the delivery queue now (503 while either cannot), so the
/// App Service health check, Docker's HEALTHCHECK and an operator see an outage and its end. It says "up" or "down"
/// per dependency and nothing else. /healthz stays "the process runs".
/// </summary>
public static class Readiness
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public static async Task<IResult> CheckAsync(Tables tables, DeliveryQueue queue, DeliveryMetrics metrics, ILogger<Tables> logger, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        var storage = UpAsync("storage", async token =>
        {
            await foreach (var _ in tables.Get(TableNames.Teams).QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: token).AsPages())
            {
                break;
            }
        }, logger, patience.Token, ct);
        var queued = UpAsync("queue", async token => metrics.QueueLength(await queue.ApproximateCountAsync(token)), logger, patience.Token, ct);
        var (storageUp, queueUp) = (await storage, await queued);
        var body = new { status = storageUp && queueUp ? "ready" : "unavailable", storage = Word(storageUp), queue = Word(queueUp) };
        return storageUp && queueUp ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> UpAsync(string name, Func<CancellationToken, Task> probe, ILogger logger, CancellationToken patience, CancellationToken ct)
    {
        try
        {
            await probe(patience);
            return true;
        }
        catch (Exception e) when (TransientFault.Is(e, ct))
        {
            logger.LogWarning("Readiness: the {Dependency} cannot be reached ({Error}).", name, e.GetBaseException().Message);
            return false;
        }
    }

    private static string Word(bool up) => up ? "up" : "down";
}
