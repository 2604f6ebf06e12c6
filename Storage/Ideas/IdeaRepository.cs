using Azure.Data.Tables;
using CareCompanion.Storage.TeamRecords;

namespace CareCompanion.Storage.Ideas;

/// <summary>
/// Ideas, one partition per team (PK tenant|team, RK idea id): a team's ideas are one partition-scoped query.
/// The idea is stored as JSON (<see cref="JsonRows"/>), with the fields queries filter on as columns of their own.
/// </summary>
public sealed class IdeaRepository
{
    private readonly TableClient _table;
    private readonly TeamRecordTable<Idea> _ideas;

    public IdeaRepository(Tables tables)
    {
        _table = tables.Get(TableNames.Ideas);
        _ideas = new TeamRecordTable<Idea>(_table, Columns);
        _ideas.Stored += idea => IdeaStored?.Invoke(IdeaSummary.Of(idea));
    }

    /// <summary>Raised after an idea was stored or changed through this instance, with what search shows of it now.</summary>
    public event Action<IdeaSummary>? IdeaStored;

    /// <summary>Stores a new idea; false when one with this id exists already (the same submit delivered twice).</summary>
    public Task<bool> TryAddAsync(Idea idea, CancellationToken ct = default) => _ideas.TryAddAsync(idea, ct);

    /// <summary>Stores many new ideas of one team in transactions of 100 (an import, or a benchmark's large team).</summary>
    public Task AddManyAsync(IReadOnlyList<Idea> teamIdeas, CancellationToken ct = default) => _ideas.AddManyAsync(teamIdeas, ct);

    public Task<Idea?> GetAsync(string tenantId, string teamId, string ideaId, CancellationToken ct = default) => _ideas.GetAsync(tenantId, teamId, ideaId, ct);

    /// <summary>Reads, applies <paramref name="change"/> (null: leave it) and stores, again if a colleague changed it meanwhile.</summary>
    public Task<Idea?> ChangeAsync(string tenantId, string teamId, string ideaId, Func<Idea, Idea?> change, CancellationToken ct = default) =>
        _ideas.ChangeAsync(tenantId, teamId, ideaId, change, ct);

    /// <summary>A change a Teams activity asked for, applied once however often Teams delivers it.</summary>
    public Task<Changed<Idea>> ChangeOnceAsync(string tenantId, string teamId, string ideaId, string activityId, Func<Idea, Idea?> change,
        CancellationToken ct = default) =>
        _ideas.ChangeOnceAsync(tenantId, teamId, ideaId, activityId, change, ct);

    /// <summary>All ideas of one team.</summary>
    public Task<IReadOnlyList<Idea>> ListTeamAsync(string tenantId, string teamId, CancellationToken ct = default) => _ideas.ListTeamAsync(tenantId, teamId, ct);

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
    public Task<IReadOnlyList<Idea>> ListTenantAsync(string tenantId, CancellationToken ct = default) => _ideas.ListTenantAsync(tenantId, ct);

    /// <summary>Every closed idea whose last change is older than the cutoff, all tenants: for the nightly retention sweep.</summary>
    public async Task<IReadOnlyList<Idea>> ListClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var filter = TableClient.CreateQueryFilter($"Closed eq true and StatusChangedAt lt {cutoff}");
        return await QueryAsync(filter, ct);
    }

    private Task<IReadOnlyList<Idea>> QueryAsync(string filter, CancellationToken ct) => _ideas.QueryAsync(filter, ct);

    /// <summary>The columns queries and search read, beside the idea's JSON.</summary>
    private static void Columns(Idea idea, TableEntity entity)
    {
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
    }
}
