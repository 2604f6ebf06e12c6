using CareCompanion.Storage;
using CareCompanion.Storage.Ideas;
using CareCompanion.Storage.Pulse;
using CareCompanion.Storage.Teams;
using CareCompanion.Tests.Support;

namespace CareCompanion.Benchmarks.Turns;

/// <summary>One team as the bot would have stored it: its pulse settings, an open round, and many ideas.</summary>
public sealed class Seed(Tables tables, TeamsActivities teams, string serviceUrl)
{
    public const string RoundId = "2026-W49";
    private readonly IdeaRepository _ideas = new(tables);
    private int _stored;

    public async Task TeamAsync()
    {
        var pulse = new PulseRepository(tables);
        var now = DateTimeOffset.UtcNow;
        await pulse.AddSettingsAsync(new PulseSettings { TenantId = teams.TenantId, TeamId = teams.TeamId });
        await new TeamRepository(tables).AddAsync(new Team
        {
            TenantId = teams.TenantId, TeamId = teams.TeamId, ConversationId = teams.GeneralChannelId, ServiceUrl = serviceUrl,
            BotId = TeamsActivities.BotId, Locale = "nb-NO",
        });
        await pulse.SaveRoundAsync(new PulseRound
        {
            TenantId = teams.TenantId, TeamId = teams.TeamId, RoundId = RoundId, QuestionId = "R1", OpenedAt = now, ClosesAt = now.AddDays(5),
            PostJobId = "benchmark", ConversationId = teams.GeneralChannelId, TimeZone = Team.DefaultTimeZone,
        });
    }

    /// <summary>Tops the team up to <paramref name="count"/> ideas (transactions of 100, 8 at a time).</summary>
    public async Task IdeasAsync(int count)
    {
        var now = DateTimeOffset.UtcNow;
        var batches = Enumerable.Range(_stored, Math.Max(0, count - _stored)).Select(i => new Idea
        {
            TenantId = teams.TenantId, TeamId = teams.TeamId, TeamName = "Sjukeheimen avd. 2", IdeaId = $"seed{i:D7}",
            Title = $"Idé {i}: fast tid til overlapp {i % 1000}", Description = "Ti minutter på vaktrommet kl. 14:45.", Category = "workflow",
            SubmitterAadObjectId = $"seed-{i % 300}", SubmitterName = "Ansatt", CreatedAt = now.AddMinutes(-i), StatusChangedAt = now.AddMinutes(-i),
        }).Chunk(1000).ToList();
        Console.WriteLine($"Seeding {count - _stored} ideas...");
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) => await _ideas.AddManyAsync(batch, ct));
        _stored = Math.Max(_stored, count);
    }
}
