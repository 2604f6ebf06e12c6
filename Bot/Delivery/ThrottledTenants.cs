using System.Net;

namespace CareCompanion.Bot.Delivery;

/// <summary>
/// Tells the <see cref="SendRateLimiter"/> when Teams answers a delivery with 429: that tenant's other messages wait
/// out its Retry-After on the queue, while the send that got it is retried after it (the resilience handler above).
/// </summary>
public sealed class ThrottledTenants(SendRateLimiter limiter, TimeProvider clock) : DelegatingHandler
{
    private static readonly TimeSpan WithoutRetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && DeliveryContext.CurrentTenantId is { } tenant)
        {
            limiter.Pause(tenant, RetryAfter(response) ?? WithoutRetryAfter);
        }
        return response;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };
}
