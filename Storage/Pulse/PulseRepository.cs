using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Pulse;

/// <summary>
/// Pulse settings (PK tenant, RK team), rounds (PK tenant|team, RK round id) and answers
/// (PK tenant|team|round, RK a salted hash of the person: one row per person, no user id stored).
/// </summary>
public sealed class PulseRepository(Tables tables)
{
    private readonly TableClient _settings = tables.Get(TableNames.PulseSettings);
    private readonly TableClient _rounds = tables.Get(TableNames.PulseRounds);
    private readonly TableClient _answers = tables.Get(TableNames.PulseAnswers);

    /// <summary>Creates the team's settings unless it has some already; true when created.</summary>
    public async Task<bool> AddSettingsAsync(PulseSettings settings, CancellationToken ct = default)
    {
        try
        {
            await _settings.AddEntityAsync(ToEntity(settings), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Writes the settings whatever is stored: for set-up and tests. A turn or a job changes them with <see cref="UpdateSettingsAsync"/>.</summary>
    public Task SaveSettingsAsync(PulseSettings settings, CancellationToken ct = default) =>
        _settings.UpsertEntityAsync(ToEntity(settings), TableUpdateMode.Replace, ct);

    /// <summary>
    /// Read-modify-write with the row's ETag: <paramref name="change"/> gets the stored settings and returns them changed,
    /// or null to leave them. When someone else wrote in between, it runs again on what they wrote, so a job's copy read
    /// a while ago cannot undo a leader's change. Returns the settings as stored afterwards (null: the team has none).
    /// </summary>
    public Task<PulseSettings?> UpdateSettingsAsync(string tenantId, string teamId, Func<PulseSettings, PulseSettings?> change,
        CancellationToken ct = default) =>
        UpdateSettingsAsync(tenantId, teamId, change, readAlready: null, ct);

    /// <summary>
    /// As <see cref="UpdateSettingsAsync(string,string,Func{PulseSettings,PulseSettings?},CancellationToken)"/>, the first
    /// try on settings the caller read with <see cref="GetSettingsWithVersionAsync"/>: one round trip fewer when nobody
    /// wrote in between (a national Monday's 10,000 rounds each move their team's rotation on).
    /// </summary>
    public async Task<PulseSettings?> UpdateSettingsAsync(string tenantId, string teamId, Func<PulseSettings, PulseSettings?> change,
        VersionedSettings? readAlready, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = attempt == 1 && readAlready is not null ? readAlready : await GetSettingsWithVersionAsync(tenantId, teamId, ct);
            if (read is null) return null;
            var (stored, version) = read;
            if (change(stored) is not { } changed) return stored;
            try
            {
                await _settings.UpdateEntityAsync(ToEntity(changed), version, TableUpdateMode.Replace, ct);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxSettingsAttempts)
            {
            }
        }
    }

    private const int MaxSettingsAttempts = 5;

    public async Task<PulseSettings?> GetSettingsAsync(string tenantId, string teamId, CancellationToken ct = default) =>
        (await GetSettingsWithVersionAsync(tenantId, teamId, ct))?.Settings;

    /// <summary>The team's settings and the version they were read at, for an update that starts from them.</summary>
    public async Task<VersionedSettings?> GetSettingsWithVersionAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var row = await _settings.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(teamId), cancellationToken: ct);
        return row.HasValue ? new VersionedSettings(FromEntity(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Every team's pulse settings in a tenant (one partition).</summary>
    public async Task<IReadOnlyList<PulseSettings>> ListSettingsAsync(string tenantId, CancellationToken ct = default)
    {
        var pk = KeyEncoding.Encode(tenantId);
        var result = new List<PulseSettings>();
        await foreach (var row in _settings.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: ct))
        {
            result.Add(FromEntity(row));
        }
        return result;
    }

    /// <summary>Every team's settings in every tenant. A scan: for the daily self-check only, never for a turn.</summary>
    public async Task<IReadOnlyList<PulseSettings>> ListAllSettingsAsync(CancellationToken ct = default)
    {
        var result = new List<PulseSettings>();
        await foreach (var row in _settings.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            result.Add(FromEntity(row));
        }
        return result;
    }

    public Task SaveRoundAsync(PulseRound round, CancellationToken ct = default) =>
        _rounds.UpsertEntityAsync(new TableEntity(KeyEncoding.TeamPartition(round.TenantId, round.TeamId), KeyEncoding.Encode(round.RoundId))
        {
            ["Round"] = JsonSerializer.Serialize(round),
        }, TableUpdateMode.Replace, ct);

    public async Task<PulseRound?> GetRoundAsync(string tenantId, string teamId, string roundId, CancellationToken ct = default)
    {
        var row = await _rounds.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.TeamPartition(tenantId, teamId), KeyEncoding.Encode(roundId), cancellationToken: ct);
        return row.HasValue ? JsonSerializer.Deserialize<PulseRound>(row.Value!.GetString("Round")) : null;
    }

    /// <summary>The team's latest closed rounds, oldest first (one single-partition query; round ids sort by week).</summary>
    public async Task<IReadOnlyList<PulseRound>> ListClosedRoundsAsync(string tenantId, string teamId, int max, CancellationToken ct = default)
    {
        var pk = KeyEncoding.TeamPartition(tenantId, teamId);
        var rounds = new List<PulseRound>();
        await foreach (var row in _rounds.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: ct))
        {
            var round = JsonSerializer.Deserialize<PulseRound>(row.GetString("Round"))!;
            if (round.Closed) rounds.Add(round);
        }
        return rounds.OrderBy(r => r.RoundId, StringComparer.Ordinal).TakeLast(max).ToList();
    }

    /// <summary>Closed rounds of every team whose answers are still kept and that closed before <paramref name="cutoff"/>.
    /// A scan over all teams: for the daily retention sweep only, never for a turn.</summary>
    public async Task<IReadOnlyList<PulseRound>> ListExpiredRoundsAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var result = new List<PulseRound>();
        await foreach (var row in _rounds.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            var round = JsonSerializer.Deserialize<PulseRound>(row.GetString("Round"))!;
            if (round.Closed && !round.AnswersDeleted && round.ClosesAt < cutoff) result.Add(round);
        }
        return result;
    }

    /// <summary>Deletes a round's answers (the aggregate stored on the round stays) and marks the round.</summary>
    public async Task DeleteAnswersAsync(PulseRound round, CancellationToken ct = default)
    {
        var pk = AnswerPartition(round);
        var keys = new List<string>();
        await foreach (var row in _answers.QueryAsync<TableEntity>(e => e.PartitionKey == pk, select: ["RowKey"], cancellationToken: ct))
        {
            keys.Add(row.RowKey);
        }
        foreach (var chunk in keys.Chunk(100)) // a transaction holds at most 100 entities of one partition
        {
            await _answers.SubmitTransactionAsync(chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, rk))), ct);
        }
        await SaveRoundAsync(round with { AnswersDeleted = true }, ct);
    }

    /// <summary>Stores or replaces one person's answer: answering again changes the answer, never adds one. No time is stored.</summary>
    public Task SaveAnswerAsync(PulseRound round, string respondentKey, PulseAnswer answer, CancellationToken ct = default) =>
        _answers.UpsertEntityAsync(new TableEntity(AnswerPartition(round), respondentKey)
        {
            ["Value"] = answer.Value,
            ["Comment"] = answer.Comment,
            ["Viewer"] = answer.Viewer,
        }, TableUpdateMode.Replace, ct);

    /// <summary>
    /// When a round closes: each answer moves to a random key (a new row, the old one deleted, in one transaction) and the
    /// answers of those who see the results are deleted, so the stored answers can no longer be linked to anyone.
    /// </summary>
    public async Task UnlinkAnswersAsync(PulseRound round, CancellationToken ct = default)
    {
        var pk = AnswerPartition(round);
        var rows = new List<TableEntity>();
        await foreach (var row in _answers.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: ct)) rows.Add(row);
        foreach (var chunk in rows.Chunk(50)) // two actions per answer; a transaction holds at most 100
        {
            var actions = new List<TableTransactionAction>();
            foreach (var row in chunk)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(pk, row.RowKey), ETag.All));
                if (row.GetBoolean("Viewer") == true) continue;
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, "x" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)))
                {
                    ["Value"] = row.GetInt32("Value"),
                    ["Comment"] = row.GetString("Comment"),
                }));
            }
            await _answers.SubmitTransactionAsync(actions, ct);
        }
        await SaveRoundAsync(round with { Unlinked = true, Salt = null }, ct);
    }

    /// <summary>One person's answer (by their respondent key), if they answered.</summary>
    public async Task<PulseAnswer?> GetAnswerAsync(PulseRound round, string respondentKey, CancellationToken ct = default)
    {
        var row = await _answers.GetEntityIfExistsAsync<TableEntity>(AnswerPartition(round), respondentKey, cancellationToken: ct);
        return row.HasValue ? new PulseAnswer(row.Value!.GetInt32("Value"), row.Value.GetString("Comment")) : null;
    }

    /// <summary>All answers of a round: one single-partition query.</summary>
    public async Task<IReadOnlyList<PulseAnswer>> ListAnswersAsync(PulseRound round, CancellationToken ct = default)
    {
        var pk = AnswerPartition(round);
        var answers = new List<PulseAnswer>();
        await foreach (var row in _answers.QueryAsync<TableEntity>(e => e.PartitionKey == pk, select: ["Value", "Comment", "Viewer"], cancellationToken: ct))
        {
            answers.Add(new PulseAnswer(row.GetInt32("Value"), row.GetString("Comment"), row.GetBoolean("Viewer") == true));
        }
        return answers;
    }


    private static string AnswerPartition(PulseRound round) => KeyEncoding.TeamPartition(round.TenantId, round.TeamId) + "|" + KeyEncoding.Encode(round.RoundId);

    private static TableEntity ToEntity(PulseSettings s) =>
        new(KeyEncoding.Encode(s.TenantId), KeyEncoding.Encode(s.TeamId)) { ["Settings"] = JsonSerializer.Serialize(s, SettingsJson) };

    /// <summary>
    /// "ø" stored as one character, not the six of "\u00F8": a property holds at most 32K characters, and the team's own
    /// questions are Norwegian text.
    /// </summary>
    private static readonly JsonSerializerOptions SettingsJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static PulseSettings FromEntity(TableEntity e) => JsonSerializer.Deserialize<PulseSettings>(e.GetString("Settings"))!;
}

/// <summary>Pulse settings as read, with the row's ETag: an update from them fails if someone wrote in between.</summary>
public sealed record VersionedSettings(PulseSettings Settings, ETag Version);
