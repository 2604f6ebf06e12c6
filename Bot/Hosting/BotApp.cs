using CareCompanion.Bot.Broadcast;
using CareCompanion.Bot.About;
using CareCompanion.Bot.Delivery;
using CareCompanion.Bot.Scheduling;
using CareCompanion.Bot.Digest;
using CareCompanion.Bot.Goals;
using CareCompanion.Bot.Handover;
using CareCompanion.Bot.Hms;
using CareCompanion.Bot.Ideas;
using CareCompanion.Bot.Installation;
using CareCompanion.Bot.Languages;
using CareCompanion.Bot.Limits;
using CareCompanion.Bot.Networks;
using CareCompanion.Bot.Privacy;
using CareCompanion.Bot.Pulse;
using CareCompanion.Bot.Roles;
using CareCompanion.Bot.Teams;
using CareCompanion.Bot.Telemetry;
using CareCompanion.Storage;
using CareCompanion.Storage.Conversations;
using CareCompanion.Storage.Instances;
using CareCompanion.Storage.Delivery;
using CareCompanion.Storage.Scheduling;
using CareCompanion.Storage.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace CareCompanion.Bot.Hosting;

/// <summary>Builds the bot's web host. Program.cs runs it; tests build it with their own configuration.</summary>
public static class BotApp
{
    /// <summary>The operators' key for /metrics (unset: /metrics answers 404), sent in the <see cref="MetricsKeyHeader"/> header.</summary>
    public const string MetricsKeySetting = "Health:MetricsKey";
    public const string MetricsKeyHeader = "X-Metrics-Key";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<StorageOperations>();
        services.AddSingleton<Tables>();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<TeamRepository>();
        services.AddSingleton<JobRepository>();
        services.AddSingleton<DeliveryRepository>();
        services.AddSingleton<DeliveryQueue>();
        services.AddHostedService<StorageStartup>();

        AddScheduling(services, builder.Configuration);
        services.AddTelemetry(builder.Configuration);

        // Reads MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId from configuration.
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        services.AddBotCertificate(builder.Configuration);
        // CloudAdapter has two public constructors: register through a factory (README, Design notes: the Bot Framework packages).
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new ErrorHandlingAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ActivityLanguage>(),
            sp.GetRequiredService<ILogger<ErrorHandlingAdapter>>()));

        services.AddSingleton<ActivityLanguage>();
        services.AddSingleton<Dispatcher>();
        services.AddSingleton<PrivateReplies>();
        services.AddSingleton<Admission>();
        services.AddTransient<IBot, CareCompanionBot>();
        services.AddInstallation();
        services.AddRoles(builder.Configuration);
        services.AddPersonLimits();
        services.AddPulse();
        services.AddIdeas();
        services.AddDigest();
        services.AddGoals(builder.Configuration);
        services.AddHms();
        services.AddHandover();
        services.AddPrivacy();
        services.AddAbout();
        services.AddNetworks();
        services.AddLanguages();

        var app = builder.Build();
        AuthenticationGuard.Check(app.Configuration, app.Environment, app.Logger);

        app.MapGet("/readyz", Readiness.CheckAsync);
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        app.MapPulseLinks();
        // Public: health only. The instance's figures (its host and process, tenants' job ids) need the operators' key.
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", version = VersionCommand.Version }));
        app.MapGet("/metrics", (HttpRequest request, IConfiguration configuration, InstanceIdentity instance, LiveInstances live,
            StorageOperations storage, JobRepository jobs) =>
            configuration[MetricsKeySetting] is not { Length: > 0 } key || request.Headers[MetricsKeyHeader] != key
                ? Results.NotFound()
                : Results.Ok(new
                {
                    status = "ok", instance = instance.Id, liveInstances = live.Count, storageOperations = storage.Count,
                    allocatedBytes = GC.GetTotalAllocatedBytes(),
                    schedulerPolls = jobs.Polls, schedulerRowsRead = jobs.RowsRead,
                    busiestPollRowsRead = jobs.BusiestPoll.RowsRead, busiestPollDue = jobs.BusiestPoll.Due,
                }));
        return app;
    }

    private static void AddScheduling(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section));
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<InstanceRepository>();
        services.AddSingleton<LiveInstances>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveInstances>());
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<PersonalChats>();
        services.AddSingleton<TeamRosters>();

        // Every HttpClient from the factory, the Bot Framework connector's included, retries 429, waiting for Retry-After
        // when Teams sends one (Polly through Microsoft.Extensions.Http.Resilience); 5xx, 408 and lost connections only
        // for requests that are safe to repeat (ConnectorRetries).
        services.TryAddSingleton(new SendClock(TimeProvider.System));
        services.AddTransient<ThrottledTenants>();
        services.ConfigureHttpClientDefaults(http =>
        {
            http.AddResilienceHandler("teams-connector", (pipeline, context) =>
            {
                var delivery = context.ServiceProvider.GetRequiredService<IOptions<DeliveryOptions>>().Value;
                var metrics = context.ServiceProvider.GetRequiredService<DeliveryMetrics>();
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = delivery.MaxSendRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = ConnectorRetries.ShouldRetry,
                    OnRetry = retry =>
                    {
                        metrics.Retried(DeliveryContext.CurrentJobId, retry.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests);
                        return default;
                    },
                });
            });
            http.AddHttpMessageHandler<ThrottledTenants>(); // added after the retries, so inside them: it sees each 429
        });

        services.AddSingleton<IJobHandler, BroadcastJob>();
        services.AddSingleton<FanOut>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
    }
}
