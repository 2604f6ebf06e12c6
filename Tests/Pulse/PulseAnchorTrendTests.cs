using System.Text;
using System.Text.Json.Nodes;
using CareCompanion.Bot.Pulse;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

/// <summary>
/// The anchors' trend (a chart served by the bot) and the HMS group's CSV: from anchor rounds only, above the threshold
/// only, behind signed links that stop working when altered or expired.
/// </summary>
public sealed class PulseAnchorTrendTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Six weeks with an anchor every second one: a rotating question with high scores, K1 twice above the threshold
    /// (3.0, then 4.0), and K2 with two answers (below it). Returns the rounds in order.
    /// </summary>
    private static async Task<List<PulseRound>> SixWeeksAsync(PulseTeam team)
    {
        var settings = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
        await team.Pulse.SaveSettingsAsync(settings with { AnchorEvery = 2 });
        var rounds = new List<PulseRound>();
        int[][] answers = [[5, 5, 5, 5, 5], [1, 2, 3, 4, 5], [], [4, 4, 4, 4, 4], [], [1, 1]];
        for (var week = 0; week < answers.Length; week++)
        {
            if (week == 3)
            {
                // K1 again after K1 (the anchors normally take turns through all five: ten weeks at this pace).
                var now = (await team.Pulse.GetSettingsAsync(team.Teams.TenantId, team.Teams.TeamId))!;
                await team.Pulse.SaveSettingsAsync(now with { LastAnchor = "K5" });
            }
            var round = await team.OpenRoundAsync(MondayTenOslo.AddDays(7 * week));
            foreach (var value in answers[week]) await team.AnswerAsync(round, Guid.NewGuid().ToString(), value, "Kommentar som aldri skal ut");
            rounds.Add(round);
        }
        await team.RunAtAsync(rounds[^1].ClosesAt);
        return rounds;
    }

    private static string Week(PulseRound round) => "Uke " + AnchorTrend.WeekNumber(round.RoundId);

    private static string LinkOf(JsonNode card, string type, string field) =>
        card.ToJsonString().Contains(type)
            ? JsonNode.Parse(card.ToJsonString())!["body"]!.AsArray().Concat(card["actions"]?.AsArray() ?? [])
                .Select(n => n?[field]?.GetValue<string>()).First(u => u?.Contains("/api/pulse/") == true)!
            : throw new Xunit.Sdk.XunitException($"no {type} in the card");

    private static string PathOf(string url) => url.StartsWith('/') ? url : new Uri(url).PathAndQuery;

    [Fact]
    public async Task The_results_show_each_anchors_trend_from_its_own_rounds_above_the_threshold_with_a_chart_the_bot_serves()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var rounds = await SixWeeksAsync(team);
        Assert.Equal(["K1", "K1", "K2"], rounds.Where((_, i) => i % 2 == 1).Select(r => r.QuestionId));

        await team.Bot.PostAsync(team.Teams.ChannelMessage("resultater", fromAadObjectId: team.Teams.UserAadObjectId));

        var sent = team.Connector.SentTo(team.Teams.GeneralChannelId).Last();
        Assert.Contains("Faste spørsmål over tid", sent.CardText);
        Assert.Contains($"{Week(rounds[1])}: 3,0 · {Week(rounds[3])}: 4,0", sent.CardText);
        // K2 is only in the weekly list, as too few; the rotating question's 5,0 is not in any anchor's line.
        var k2 = QuestionLibrary.Find("K2")!.Bokmal.Text;
        Assert.Single(sent.CardText.Split('\n'), line => line.Contains(k2));
        Assert.Contains("2 svar, for få til å vise", sent.CardText);
        var trends = await team.Bot.Get<PulseAnchorTrends>().ForTeamAsync(team.Teams.TenantId, team.Teams.TeamId, default);
        Assert.Equal([3.0, 4.0], trends.Single(t => t.Question.Id == "K1").Points.Select(p => p.Mean));
        Assert.All(trends.Where(t => t.Question.Id != "K1"), t => Assert.Empty(t.Points));

        var chart = await team.Bot.GetAsync(PathOf(LinkOf(sent.Card!, "\"Image\"", "url")));
        chart.EnsureSuccessStatusCode();
        Assert.Equal("image/png", chart.Content.Headers.ContentType!.MediaType);
        var png = await chart.Content.ReadAsByteArrayAsync();
        Assert.Equal("\u0089PNG", Encoding.Latin1.GetString(png, 0, 4));
        await File.WriteAllBytesAsync(Path.Combine(RepoPaths.Results("cards"), "pulse-anchor-chart.from-bot.png"), png);
    }

    [Fact]
    public async Task The_HMS_group_gets_a_CSV_of_the_rounds_above_the_threshold_without_comments_in_their_own_chat()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var rounds = await SixWeeksAsync(team);

        await team.Bot.PostAsync(team.Teams.ChannelMessage("csv", fromAadObjectId: team.Teams.UserAadObjectId));

        var sent = team.Connector.Sent.Last(s => s.Card is not null && s.CardText.Contains("Resultatene som CSV"));
        Assert.NotEqual(team.Teams.GeneralChannelId, sent.ConversationId); // the link goes to the person's own chat
        var card = sent.Card!;
        Assert.Contains("Lenken virker i 15 minutter", CardContent.Text(card));
        var response = await team.Bot.GetAsync(PathOf(LinkOf(card, "Action.OpenUrl", "url")));
        response.EnsureSuccessStatusCode();
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Uke;Spørsmål-id;Spørsmål;Svar;Snitt;1;2;3;4;5", lines[0]);
        Assert.Equal($"{rounds[1].RoundId};\"K1\";\"{QuestionLibrary.Find("K1")!.Bokmal.Text}\";5;3,00;1;1;1;1;1", lines[2]);
        Assert.Equal([rounds[0].RoundId, rounds[1].RoundId, rounds[3].RoundId], lines.Skip(1).Select(l => l.Split(';')[0]));
        Assert.DoesNotContain("Kommentar", csv);
    }

    [Fact]
    public async Task A_link_that_was_altered_expired_or_is_for_the_other_file_is_refused()
    {
        await using var team = await PulseTeam.InstallAsync(fixture.Azurite, Wednesday);
        var links = team.Bot.Get<PulseLinks>();
        var csv = PathOf(links.Create(PulseLinks.Csv, team.Teams.TenantId, team.Teams.TeamId, "nb", PulseLinks.CsvLifetime));
        Assert.True((await team.Bot.GetAsync(csv)).IsSuccessStatusCode);

        var signature = csv[(csv.LastIndexOf('.') + 1)..];
        var altered = csv[..(csv.LastIndexOf('.') + 1)] + (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        var forgedPayload = PathOf(links.Create(PulseLinks.Csv, team.Teams.TenantId, "19:another-team@thread.tacv2", "nb", PulseLinks.CsvLifetime));
        var swapped = forgedPayload[..forgedPayload.LastIndexOf('.')] + "." + signature;
        var asChart = csv.Replace("/api/pulse/csv", "/api/pulse/chart");

        foreach (var path in new[] { altered, swapped, asChart, "/api/pulse/csv", "/api/pulse/csv?link=abc" })
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await team.Bot.GetAsync(path)).StatusCode);
        }
        team.Clock.Advance(PulseLinks.CsvLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await team.Bot.GetAsync(csv)).StatusCode);
    }
}
