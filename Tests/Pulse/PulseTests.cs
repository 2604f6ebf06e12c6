using Azure.Data.Tables;
using CareCompanion.Cards.Pulse;
using CareCompanion.Storage;
using CareCompanion.Storage.Pulse;
using CareCompanion.Tests.Support;

namespace CareCompanion.Tests.Pulse;

public sealed class PulseTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    // Wednesday 2 December 2026, winter time: Oslo is UTC+1.
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayTenOslo = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private Task<PulseTeam> InstallAsync(DateTimeOffset? now = null) => PulseTeam.InstallAsync(fixture.Azurite, now ?? Wednesday);

    private static string[] People(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToArray();

    [Fact]
    public async Task A_new_team_gets_its_first_question_on_Monday_at_ten_Oslo_time()
    {
        await using var team = await InstallAsync();

        await team.RunAtAsync(MondayTenOslo.AddMinutes(-1));
        Assert.Empty(team.ChannelCards());

        await team.RunAtAsync(MondayTenOslo);
        var card = Assert.Single(team.ChannelCards());
        Assert.Contains(QuestionLibrary.All[0].Bokmal.Text, card.CardText);
        Assert.Contains("Svaret ditt lagres uten navn, og appen viser ingen hvem som svarte hva. Ledere og veiledere i teamet kan lese det du skriver, uten navn, når nok har svart.", card.CardText);
        Assert.Contains("Du kan svare til mandag 14. desember kl. 10:00.", card.CardText); // a full week: weekend shifts see it too
    }

    [Fact]
    public async Task In_summer_the_question_still_comes_at_ten_Oslo_time()
    {
        await using var team = await InstallAsync(new DateTimeOffset(2026, 6, 3, 12, 0, 0, TimeSpan.Zero));
        var mondayTenSummer = new DateTimeOffset(2026, 6, 8, 8, 0, 0, TimeSpan.Zero); // UTC+2

        await team.RunAtAsync(mondayTenSummer.AddMinutes(-1));
        Assert.Empty(team.ChannelCards());
        await team.RunAtAsync(mondayTenSummer);
        Assert.Single(team.ChannelCards());
    }

    [Fact]
    public async Task Each_week_brings_the_next_question_without_repeats()
    {
        await using var team = await InstallAsync();

        for (var week = 0; week < 3; week++)
        {
            await team.RunAtAsync(MondayTenOslo.AddDays(7 * week));
        }

        var posted = team.ChannelCards().Where(c => c.Method == "POST").ToList();
        Assert.Equal(3, posted.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains(QuestionLibrary.All[i].Bokmal.Text, posted[i].CardText);
        }
    }

    [Fact]
    public async Task One_tap_records_an_answer_and_changing_it_does_not_count_twice()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var person = Guid.NewGuid().ToString();

        var reply = await team.AnswerAsync(round, person, 4);
        await team.AnswerAsync(round, person, 2, "Travel uke");

        Assert.Contains("Takk! Svaret ditt er lagret.", CardContent.InvokeReply(reply));
        var answer = Assert.Single(await team.Pulse.ListAnswersAsync(round));
        Assert.Equal(2, answer.Value);
        Assert.Equal("Travel uke", answer.Comment);
    }

    [Fact]
    public async Task No_user_id_is_stored_beside_an_answer()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var person = Guid.NewGuid().ToString();

        await team.AnswerAsync(round, person, 5, "Godt samarbeid");

        var table = team.Bot.Get<Tables>().Get(TableNames.PulseAnswers);
        var row = Assert.Single(table.Query<TableEntity>().ToList());
        var stored = string.Join("|", row.Select(p => $"{p.Key}={p.Value}"));
        Assert.DoesNotContain(person, stored);
        Assert.DoesNotContain(team.Teams.UserId, stored);
        // No time either: when someone answered could tell who it was.
        Assert.Equal(["Comment", "Value", "Viewer"], row.Keys.Except(["PartitionKey", "RowKey", "Timestamp", "odata.etag"]).Order());
    }

    [Fact]
    public async Task Below_the_threshold_the_channel_sees_no_numbers()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        foreach (var person in People(4)) await team.AnswerAsync(round, person, 5);

        await team.RunAtAsync(round.ClosesAt);

        // The question card is replaced in place (next week's question may come at the same minute).
        var result = Assert.Single(team.ChannelCards(), c => c.Method == "PUT");
        Assert.Contains("4 svar. Resultatet vises først ved 5 svar", result.CardText);
        Assert.DoesNotContain("Snitt", result.CardText);
        Assert.DoesNotContain("█", result.CardText);
    }

    [Fact]
    public async Task At_the_threshold_the_channel_sees_exact_numbers_but_never_the_comments()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var people = People(5);
        for (var i = 0; i < 5; i++) await team.AnswerAsync(round, people[i], i + 1, $"Hemmelig kommentar {i}");

        await team.RunAtAsync(round.ClosesAt);

        var result = Assert.Single(team.ChannelCards(), c => c.Method == "PUT");
        Assert.Contains("5 svar", result.CardText);
        Assert.Contains("Snitt 3,0 av 5", result.CardText);
        Assert.Contains("5  █", result.CardText);
        Assert.All(team.Connector.SentTo(team.Teams.GeneralChannelId), s => Assert.DoesNotContain("Hemmelig kommentar", s.CardText));
    }

    [Fact]
    public async Task The_leader_gets_the_result_with_the_anonymous_comments_in_a_personal_chat()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var people = People(PulseSettings.DefaultMinComments); // comments need more answers than numbers do
        for (var i = 0; i < people.Length; i++) await team.AnswerAsync(round, people[i], i % 5 + 1, i == 0 ? "Vi trenger mer tid til *refleksjon*" : null);

        await team.RunAtAsync(round.ClosesAt);

        var chat = team.Connector.CreatedChats[team.Teams.UserId]; // the installer, the team's first leader
        var summary = Assert.Single(team.Connector.SentTo(chat)).CardText;
        Assert.Contains("Til refleksjonsmøtet", summary);
        Assert.Contains($"{people.Length} svar", summary);
        Assert.Contains("Vi trenger mer tid til *refleksjon*", summary); // shown as written, not as markdown
        Assert.DoesNotContain(people[0], summary);
    }

    [Fact]
    public async Task Below_the_threshold_the_leader_gets_no_comments_either()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        foreach (var person in People(3)) await team.AnswerAsync(round, person, 2, "Kan kjennes igjen");

        await team.RunAtAsync(round.ClosesAt);

        var summary = Assert.Single(team.Connector.SentTo(team.Connector.CreatedChats[team.Teams.UserId])).CardText;
        Assert.Contains("3 svar. Resultatet vises først ved 5 svar", summary);
        Assert.DoesNotContain("Kan kjennes igjen", summary);
    }

    [Fact]
    public async Task A_closed_round_takes_no_more_answers()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        await team.RunAtAsync(round.ClosesAt);

        var reply = await team.AnswerAsync(round, Guid.NewGuid().ToString(), 3);

        Assert.Contains("Runden er stengt.", CardContent.InvokeReply(reply));
        Assert.Empty(await team.Pulse.ListAnswersAsync(round));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(6, null)]
    [InlineData(null, null)]
    public async Task An_invalid_answer_is_refused_in_the_users_language(int? value, string? comment)
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);

        var reply = await team.AnswerAsync(round, Guid.NewGuid().ToString(), value, comment);

        Assert.Contains("Velg et tall fra 1 til 5.", CardContent.InvokeReply(reply));
        Assert.Empty(await team.Pulse.ListAnswersAsync(round));
    }

    [Fact]
    public async Task Another_tenant_can_neither_answer_nor_see_a_teams_round()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var otherTenant = new TeamsActivities(team.Connector.ServiceUrl);

        // The forged card data names team A's round and team, but Teams signs the activity as tenant B's team.
        var reply = await team.AnswerAsync(round, Guid.NewGuid().ToString(), 1, from: otherTenant);

        Assert.Contains("Du har ikke tilgang til dette.", CardContent.InvokeReply(reply));
        Assert.Empty(await team.Pulse.ListAnswersAsync(round));
        Assert.Null(await team.Pulse.GetRoundAsync(otherTenant.TenantId, team.Teams.TeamId, round.RoundId));
    }

    [Fact]
    public async Task Three_hundred_people_answering_at_once_are_each_counted_once()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        var people = People(300);

        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (person, _) => await team.AnswerAsync(round, person, person[0] % 5 + 1));
        await Parallel.ForEachAsync(people.Take(50), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (person, _) => await team.AnswerAsync(round, person, 3)); // fifty change their minds

        Assert.Equal(300, (await team.Pulse.ListAnswersAsync(round)).Count);
    }

    [Fact]
    public async Task After_the_retention_period_the_answers_are_deleted_but_the_result_stays()
    {
        await using var team = await InstallAsync();
        var round = await team.OpenRoundAsync(MondayTenOslo);
        foreach (var person in People(5)) await team.AnswerAsync(round, person, 4, "Noe personlig");
        await team.RunAtAsync(round.ClosesAt);

        await team.RunAtAsync(round.ClosesAt.AddMonths(1));
        Assert.Equal(5, (await team.Pulse.ListAnswersAsync(round)).Count);

        await team.RunAtAsync(round.ClosesAt.AddMonths(25)); // default retention: 24 months
        Assert.Empty(await team.Pulse.ListAnswersAsync(round));
        var kept = (await team.Pulse.GetRoundAsync(round.TenantId, round.TeamId, round.RoundId))!;
        Assert.True(kept.AnswersDeleted);
        Assert.Equal(5, kept.Answers);
    }
}
