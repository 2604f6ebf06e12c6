using Azure;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// Storage (or the Teams connector) that cannot be reached, or answers too slowly for Teams: what the
/// <see cref="Dispatcher"/> answers in kind (see <see cref="FaultReplies"/>) instead of failing the turn. An error that is
/// an answer (409 conflict, 412 changed meanwhile, 404) is the feature's business and is never caught here.
/// </summary>
public static class TransientFault
{
    /// <summary>
    /// How long a turn may wait for storage: Teams gives card actions and dialogs 15 s and messaging-extension searches
    /// 5 s; the rest is left for building and sending the answer.
    /// </summary>
    public static TimeSpan BudgetFor(RouteKind kind) => kind == RouteKind.ExtensionQuery ? TimeSpan.FromSeconds(3.5) : TimeSpan.FromSeconds(10);

    /// <summary>Whether <paramref name="error"/> means storage or the connector is unreachable or too slow, rather than Teams giving up on the turn (<paramref name="teamsGaveUp"/>).</summary>
    public static bool Is(Exception error, CancellationToken teamsGaveUp) => !teamsGaveUp.IsCancellationRequested && Unreachable(error);

    private static bool Unreachable(Exception error) => error switch
    {
        // The SDK's retries give up with every try's error.
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(Unreachable),
        // Status 0: no answer at all (connection refused or reset); 5xx and 408: the service failed or timed out.
        RequestFailedException failed => failed.Status is 0 or 408 or >= 500,
        HttpRequestException or TimeoutException or OperationCanceledException => true,
        System.Net.Sockets.SocketException or IOException => true,
        _ => false,
    };
}
