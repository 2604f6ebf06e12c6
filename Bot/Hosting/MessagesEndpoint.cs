using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace CareCompanion.Bot.Hosting;

/// <summary>POST /api/messages: hands the request to the Bot Framework adapter, which authenticates it and runs the turn.</summary>
public static class MessagesEndpoint
{
    /// <summary>Teams activities are small (a card is at most 28 KB); anything far larger is refused before it is read.</summary>
    public const long MaxBodyBytes = 512 * 1024;

    public static async Task HandleAsync(HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot,
        ILoggerFactory loggers, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            await adapter.ProcessAsync(request, response, bot, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge; // a body without a length that grew too large
        }
        catch (Exception e) when (e is SecurityTokenException or ArgumentException && !response.HasStarted)
        {
            // The adapter turns most token failures into 401, but a badly signed or malformed token escapes as these.
            // Turn errors never get here (the adapter's OnTurnError handles them), so this is authentication: 401.
            loggers.CreateLogger(typeof(MessagesEndpoint)).LogWarning("Refused a request with an invalid token ({Reason}).", e.GetType().Name);
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }
}
