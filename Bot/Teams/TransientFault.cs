using Azure;
using Microsoft.Bot.Schema;
using Microsoft.Kiota.Abstractions;

namespace CareCompanion.Bot.Teams;

/// <summary>
/// Storage, the Teams connector (a roster read) or Microsoft Graph (a team's owners) that cannot be reached, or answers
/// too slowly for Teams: what the <see cref="Dispatcher"/> answers in kind (see <see cref="FaultReplies"/>) instead of
/// failing the turn. An error that is an answer (409 conflict, 412 changed meanwhile, 404 not found, 403) is the
/// feature's business and is never caught here.
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
        RequestFailedException failed => FailedForNow(failed.Status),
        ErrorResponseException connector => connector.Response is { } response && FailedForNow((int)response.StatusCode),
        ApiException graph => FailedForNow(graph.ResponseStatusCode),
        HttpRequestException or TimeoutException or OperationCanceledException => true,
        System.Net.Sockets.SocketException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// A status that says "not now" rather than "no": 0, no answer at all (connection refused or reset); 408 and 5xx, the
    /// service timed out or failed; 429, it is throttling us.
    /// </summary>
    public static bool FailedForNow(int status) => status is 0 or 408 or 429 or >= 500;
}
