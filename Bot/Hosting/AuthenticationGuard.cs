namespace CareCompanion.Bot.Hosting;

/// <summary>
/// With no MicrosoftAppId the Bot Framework accepts unauthenticated requests: right for the local playground,
/// dangerous anywhere else. Outside Development that needs an explicit Bot:AllowUnauthenticated=true, and on a cloud
/// host (App Service, Container Apps) it is refused whatever the environment says: a mistyped
/// ASPNETCORE_ENVIRONMENT must not open /api/messages to the internet.
/// </summary>
public static class AuthenticationGuard
{
    private static readonly string[] CloudHostVariables = ["WEBSITE_SITE_NAME", "CONTAINER_APP_NAME"];

    public static void Check(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
        {
            return;
        }
        if (CloudHostVariables.FirstOrDefault(name => !string.IsNullOrEmpty(configuration[name])) is { } cloud)
        {
            throw new InvalidOperationException(
                $"MicrosoftAppId is not configured on a cloud host ({cloud} is set): the bot refuses to run without authentication there. " +
                "Configure MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.");
        }
        if (!environment.IsDevelopment() && !configuration.GetValue<bool>("Bot:AllowUnauthenticated"))
        {
            throw new InvalidOperationException(
                "MicrosoftAppId is not configured, so the bot would accept unauthenticated requests. " +
                "Configure MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId, " +
                "or set ASPNETCORE_ENVIRONMENT=Development (or Bot:AllowUnauthenticated=true) for local use only.");
        }
        logger.LogWarning(
            "!!!!! UNAUTHENTICATED: MicrosoftAppId is not configured. /api/messages accepts requests from anyone. " +
            "This is for local use with the Agents Playground only; never run like this in a real tenant. !!!!!");
    }
}
