using CareCompanion.Cards.Localization;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;

namespace CareCompanion.Bot.Pulse;

/// <summary>
/// GET /api/pulse/chart and /api/pulse/csv: what a signed link (<see cref="PulseLinks"/>) names, drawn from storage when
/// fetched, above the threshold only. Anything else, an altered or expired link included, is a plain 404.
/// </summary>
public static class PulseLinkEndpoint
{
    public static void MapPulseLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pulse/chart", ChartAsync);
        app.MapGet("/api/pulse/csv", CsvAsync);
    }

    private static async Task<IResult> ChartAsync(string? link, HttpResponse response, PulseLinks links, PulseAnchorTrends anchors, CancellationToken ct)
    {
        if (links.Read(PulseLinks.Chart, link) is not { } read) return Results.NotFound();
        var trends = await anchors.ForTeamAsync(read.TenantId, read.TeamId, ct);
        response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(PulseChart.Png(trends, LanguageResolver.FromCode(read.Language) ?? Language.Bokmal), "image/png");
    }

    private static async Task<IResult> CsvAsync(string? link, HttpResponse response, PulseLinks links, PulseRepository pulse, CancellationToken ct)
    {
        if (links.Read(PulseLinks.Csv, link) is not { } read) return Results.NotFound();
        var settings = await pulse.GetSettingsAsync(read.TenantId, read.TeamId, ct);
        var closed = await pulse.ListClosedRoundsAsync(read.TenantId, read.TeamId, PulseAnchorTrends.History, ct);
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        var csv = PulseCsv.Build(settings, closed, LanguageResolver.FromCode(read.Language) ?? Language.Bokmal);
        return Results.File(csv, "text/csv; charset=utf-8", "resultater.csv");
    }
}
