using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Ideas;

/// <summary>
/// Ideas, one partition per team (PK tenant|team, RK idea id): a team's ideas are one partition-scoped query.
/// The idea is stored as JSON (<see cref="JsonRows"/>), with the fields queries filter on as columns of their own.
/// </summary>
public sealed class IdeaRepository(Tables tables)
{
    private readonly TableClient _table = tables.Get(TableNames.Ideas);

    /// <summary>Raised after an idea was stored or changed through this instance, with what search shows of it now.</summary>
    public event Action<IdeaSummary>? IdeaStored;

    /// <summary>Raised after many ideas of a team (tenant id, team id) were stored at once.</summary>
    public event Action<string, string>? TeamChanged;

    /// <summary>Stores a new idea; false when one with this id exists already (the same submit delivered twice).</summary>
    public async Task<bool> TryAddAsync(Idea idea, CancellationToken ct = default)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(idea), ct);
            IdeaStored?.Invoke(IdeaSummary.Of(idea));
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Stores many new ideas of one team in transactions of 100 (seeding large teams, as the benchmark does).</summary>
    public async Task AddManyAsync(IReadOnlyList<Idea> teamIdeas, CancellationToken ct = default)
    {
        foreach (var chunk in teamIdeas.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(i))), ct);
        }
        foreach (var team in teamIdeas.Select(i => (i.TenantId, i.TeamId)).Distinct()) TeamChanged?.Invoke(team.TenantId, team.TeamId);
    }

    public async Task<Idea?> GetAsync(string tenantId, string teamId, string ideaId, CancellationToken ct = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.TeamPartition(tenantId, teamId), KeyEncoding.Encode(ideaId), cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Replaces the idea if nobody changed it since it was read; false when someone did (read it again).</summary>
    public async Task<bool> TryReplaceAsync(Idea idea, CancellationToken ct = default)
    {
        try
        {
            await _table.UpdateEntityAsync(ToEntity(idea), idea.ETag, TableUpdateMode.Replace, ct);
            IdeaStored?.Invoke(IdeaSummary.Of(idea));
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the idea, applies <paramref name="change"/> and stores it, again from a fresh read if a colleague
    /// changed it meanwhile. The change returns null to leave the idea as it is. Returns the idea as stored.
    /// </summary>
    public Task<Idea?> ChangeAsync(string tenantId, string teamId, string ideaId, Func<Idea, Idea?> change, CancellationToken ct = default) =>
        OptimisticChange.RunAsync(() => GetAsync(tenantId, teamId, ideaId, ct), change, (_, changed) => TryReplaceAsync(changed, ct), $"Idea {ideaId}");

    /// <summary>All ideas of one team.</summary>
    public Task<IReadOnlyList<Idea>> ListTeamAsync(string tenantId, string teamId, CancellationToken ct = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoding.TeamPartition(tenantId, teamId)}"), ct);

    /// <summary>
    /// What a search needs of each of a team's ideas, read as a few columns instead of the whole JSON: one
    /// partition query, several times lighter than <see cref="ListTeamAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<IdeaSummary>> ListSummariesAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var pk = KeyEncoding.TeamPartition(tenantId, teamId);
        var result = new List<IdeaSummary>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == pk, select: SummaryColumns, cancellationToken: ct))
        {
            result.Add(new IdeaSummary(tenantId, teamId, KeyEncoding.Decode(row.RowKey), row.GetString("Title") ?? "", row.GetString("Description") ?? "",
                row.GetString("Category") ?? "other", row.GetString("Status") ?? IdeaStatus.New, row.GetString("TeamName"), row.GetString("ShownName"),
                row.GetDateTimeOffset("CreatedAt") ?? default, row.GetInt32("SupporterCount") ?? 0));
        }
        return result;
    }

    private static readonly string[] SummaryColumns = ["RowKey", "Title", "Description", "Category", "Status", "TeamName", "ShownName", "CreatedAt", "SupporterCount"];

    /// <summary>The ideas a person submitted in any team of the tenant (a range over the tenant's partitions).</summary>
    public Task<IReadOnlyList<Idea>> ListBySubmitterAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        QueryAsync($"{KeyEncoding.TenantTeamsFilter(tenantId)} and {TableClient.CreateQueryFilter($"Submitter eq {aadObjectId}")}", ct);

    /// <summary>Ideas the tenant's teams implemented and shared with the others.</summary>
    public Task<IReadOnlyList<Idea>> ListSharedAsync(string tenantId, CancellationToken ct = default) =>
        QueryAsync($"{KeyEncoding.TenantTeamsFilter(tenantId)} and Shared eq true", ct);

    /// <summary>Every idea of the tenant: for privacy requests (comments and support by a person), never for a turn's hot path.</summary>
    public Task<IReadOnlyList<Idea>> ListTenantAsync(string tenantId, CancellationToken ct = default) =>
        QueryAsync(KeyEncoding.TenantTeamsFilter(tenantId), ct);

    /// <summary>Every closed idea whose last change is older than the cutoff, all tenants: for the nightly retention sweep.</summary>
    public async Task<IReadOnlyList<Idea>> ListClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var filter = TableClient.CreateQueryFilter($"Closed eq true and StatusChangedAt lt {cutoff}");
        return await QueryAsync(filter, ct);
    }

    private async Task<IReadOnlyList<Idea>> QueryAsync(string filter, CancellationToken ct)
    {
        var result = new List<Idea>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            result.Add(FromEntity(row));
        }
        return result;
    }


    private static TableEntity ToEntity(Idea idea)
    {
        var entity = JsonRows.ToEntity(idea, KeyEncoding.TeamPartition(idea.TenantId, idea.TeamId), KeyEncoding.Encode(idea.IdeaId), idea.ETag);
        entity["Submitter"] = idea.SubmitterAadObjectId;
        entity["Shared"] = idea.Shared;
        entity["Closed"] = IdeaStatus.IsClosed(idea.Status);
        entity["StatusChangedAt"] = idea.StatusChangedAt;
        var summary = IdeaSummary.Of(idea);
        entity["Title"] = summary.Title;
        entity["Description"] = summary.Description;
        entity["Category"] = summary.Category;
        entity["Status"] = summary.Status;
        entity["TeamName"] = summary.TeamName;
        entity["ShownName"] = summary.ShownName;
        entity["CreatedAt"] = summary.CreatedAt;
        entity["SupporterCount"] = summary.Supporters;
        return entity;
    }

    private static Idea FromEntity(TableEntity entity) => JsonRows.FromEntity<Idea>(entity) with { ETag = entity.ETag };
}
