using Azure.Monitor.OpenTelemetry.Exporter;
using CareCompanion.Bot.About;
using CareCompanion.Bot.Delivery;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CareCompanion.Bot.Telemetry;

/// <summary>
/// OpenTelemetry for the bot: its own spans (<see cref="BotTelemetry"/>) under the /api/messages request's span, its
/// meters (delivery, turns) and ASP.NET Core's request metrics, exported to Application Insights when its connection string is set, to the console otherwise.
/// Only these: the Azure Monitor distro's automatic HTTP and Azure SDK spans would carry URLs that hold tenant ids
/// (table keys) and conversation ids, so they are not collected; nor are logs, whose lines name job and conversation
/// ids (and a failed storage call's keys): they stay in the process's own log (the App Service log stream).
/// </summary>
public static class TelemetrySetup
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    /// <summary>Console export when no connection string is set (on unless "false"; the tests turn it off).</summary>
    public const string ConsoleSetting = "Telemetry:Console";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TurnMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("CareCompanion", serviceVersion: VersionCommand.Version))
            // The request a turn came in (/api/messages only: the health probes would drown it) is its span's parent.
            .WithTracing(tracing => tracing.AddSource(BotTelemetry.SourceName)
                .AddAspNetCoreInstrumentation(requests => requests.Filter = http => http.Request.Path.StartsWithSegments("/api")))
            .WithMetrics(metrics => metrics.AddMeter(DeliveryMetrics.MeterName, TurnMetrics.MeterName, "Microsoft.AspNetCore.Hosting"));

        if (configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
        {
            // Not UseAzureMonitorExporter: that would export the log lines too.
            telemetry.WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(options => options.ConnectionString = connectionString))
                .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(options => options.ConnectionString = connectionString));
        }
        else if (configuration.GetValue(ConsoleSetting, true))
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
        return services;
    }
}
