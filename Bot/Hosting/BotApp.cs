using CareCompanion.Bot.Commands;
using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Teams;
using CareCompanion.Storage;
using CareCompanion.Storage.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CareCompanion.Bot.Hosting;

/// <summary>Builds the bot's web host. Program.cs runs it; tests build it with their own configuration.</summary>
public static class BotApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddHttpClient();
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<Tables>();
        services.AddSingleton<ConversationRepository>();
        services.AddHostedService<StorageStartup>();

        // Reads MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId from configuration.
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        // CloudAdapter has two public constructors: register through a factory (DESIGN.md §1).
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new ErrorHandlingAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<ErrorHandlingAdapter>>()));

        services.AddSingleton<InstallationHandler>();
        services.AddSingleton<CommandRouter>();
        services.AddTransient<IBot, CareCompanionBot>();

        var app = builder.Build();
        AuthenticationGuard.Check(app.Configuration, app.Environment, app.Logger);

        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken ct) =>
            adapter.ProcessAsync(request, response, bot, ct));
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
