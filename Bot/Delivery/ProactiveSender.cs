using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using CareCompanion.Storage.Delivery;

namespace CareCompanion.Bot.Delivery;

public enum SendResult
{
    Sent,
    /// <summary>Worth trying again later (429 after all retries, 5xx, network).</summary>
    Transient,
    /// <summary>Will never succeed (403/404: bot removed or user left; 400/413: bad message).</summary>
    Permanent,
}

public sealed record SendOutcome(SendResult Result, string? ActivityId = null, HttpStatusCode? Status = null, string? Reason = null);

/// <summary>
/// Sends one queued activity into its conversation through the Bot Framework connector
/// (ContinueConversationAsync). Retries on 429/5xx, honouring Retry-After, happen below it in the HttpClient's
/// resilience handler (see BotApp).
/// </summary>
public sealed class ProactiveSender(IBotFrameworkHttpAdapter adapter, TrustedServiceUrls trusted, IConfiguration configuration, ILogger<ProactiveSender> logger)
{
    private static readonly HttpStatusCode[] PermanentStatuses =
        [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.RequestEntityTooLarge];

    private readonly CloudAdapter _adapter = (CloudAdapter)adapter;
    private readonly string _appId = configuration["MicrosoftAppId"] ?? "";

    public async Task<SendOutcome> SendAsync(DeliveryMessage message, CancellationToken ct)
    {
        if (!trusted.Allows(message.ServiceUrl))
        {
            logger.LogWarning("Not sending to an untrusted connector address ({Host}).", TrustedServiceUrls.HostOf(message.ServiceUrl));
            return new SendOutcome(SendResult.Permanent, Reason: "untrusted service url");
        }
        var activity = JsonConvert.DeserializeObject<Activity>(message.ActivityJson)!;
        var reference = ConversationReferences.To(message.ServiceUrl, message.BotId, message.ConversationId, message.TenantId);
        string? activityId = null;
        Exception? failure = null;
        // Caught inside the callback: the adapter's turn-error handler would otherwise swallow it and post an
        // error text into the conversation.
        await _adapter.ContinueConversationAsync(_appId, reference, async (turn, token) =>
        {
            try
            {
                if (message.ReplaceActivityId is { } replaced)
                {
                    activity.Id = replaced;
                    activityId = (await turn.UpdateActivityAsync(activity, token))?.Id ?? replaced;
                }
                else
                {
                    activityId = (await turn.SendActivityAsync(activity, token))?.Id;
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, ct);

        return failure switch
        {
            null => new SendOutcome(SendResult.Sent, activityId),
            ErrorResponseException { Response: { } response } when PermanentStatuses.Contains(response.StatusCode) =>
                new SendOutcome(SendResult.Permanent, Status: response.StatusCode, Reason: $"HTTP {(int)response.StatusCode}"),
            ErrorResponseException { Response: { } response } =>
                new SendOutcome(SendResult.Transient, Status: response.StatusCode, Reason: $"HTTP {(int)response.StatusCode}"),
            OperationCanceledException when ct.IsCancellationRequested => throw failure,
            _ => new SendOutcome(SendResult.Transient, Reason: failure.GetType().Name),
        };
    }

}
