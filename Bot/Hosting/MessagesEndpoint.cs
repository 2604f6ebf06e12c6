using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace CareCompanion.Bot.Hosting;

/// <summary>POST /api/messages: hands the request to the Bot Framework adapter, which authenticates it and runs the turn.</summary>
public static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot,
        ILoggerFactory loggers, CancellationToken ct)
    {
        try
        {
            await adapter.ProcessAsync(request, response, bot, ct);
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
