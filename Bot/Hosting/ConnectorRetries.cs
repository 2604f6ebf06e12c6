using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace CareCompanion.Bot.Hosting;

/// <summary>
/// Which failed requests are sent again. A 429 was refused unread, so sending it again is always safe. A 5xx, a 408 or a
/// lost connection may come after Teams posted the message: a POST sent again would post it twice in the channel, so
/// only methods that mean the same done twice (GET, PUT, DELETE, HEAD, OPTIONS) are retried then, not at once and not
/// in the turn. A delivery's POST that failed that way comes back from the queue later; one in a turn fails the turn.
/// </summary>
public static class ConnectorRetries
{
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) => ValueTask.FromResult(
        args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
        || (HttpClientResiliencePredicates.IsTransient(args.Outcome) && IsIdempotent(args.Context.GetRequestMessage()?.Method)));

    private static bool IsIdempotent(HttpMethod? method) =>
        method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options;
}
