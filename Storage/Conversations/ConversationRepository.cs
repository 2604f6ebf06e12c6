using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Conversations;

/// <summary>Conversation references: where the bot is installed and how to reach each place later.</summary>
public sealed class ConversationRepository(Tables tables, TimeProvider clock)
{
    private readonly TableClient _table = tables.Get(TableNames.Conversations);
    private readonly TableClient _personalChats = tables.Get(TableNames.PersonalChats);

    public async Task<StoredConversation?> GetAsync(string tenantId, string conversationId, CancellationToken ct = default)
    {
        var response = await _table.GetEntityIfExistsAsync<ConversationEntity>(
            KeyEncoding.Encode(tenantId), KeyEncoding.Encode(conversationId), cancellationToken: ct);
        return response.HasValue ? response.Value!.ToModel(tenantId) : null;
    }

    /// <summary>
    /// Records an installation. Returns true only for the call that made the reference active (new or re-installed),
    /// so a welcome is sent once even when Teams announces one install with two activities, or twice concurrently.
    /// </summary>
    public async Task<bool> ActivateAsync(StoredConversation conversation, CancellationToken ct = default)
    {
        var activated = await MarkActiveAsync(conversation, ct);
        if (conversation is { Scope: ConversationScope.Personal, UserAadObjectId: { Length: > 0 } person })
        {
            await PointToAsync(conversation.TenantId, person, conversation.ConversationId, ct);
        }
        return activated;
    }

    private async Task<bool> MarkActiveAsync(StoredConversation conversation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entity = ConversationEntity.From(conversation with { Active = true, InstalledAt = now, RemovedAt = null });
        var existing = await _table.GetEntityIfExistsAsync<ConversationEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
        try
        {
            if (!existing.HasValue)
            {
                await _table.AddEntityAsync(entity, ct);
                return true;
            }
            var wasActive = existing.Value!.Active;
            if (wasActive)
            {
                entity.InstalledAt = existing.Value.InstalledAt;
            }
            // ETag-guarded: of two concurrent writers only one wins; the other learns it was not first.
            await _table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, ct);
            return !wasActive;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Marks one conversation's reference inactive (bot removed); nothing happens if it is unknown.</summary>
    public async Task DeactivateAsync(string tenantId, string conversationId, CancellationToken ct = default)
    {
        var existing = await _table.GetEntityIfExistsAsync<ConversationEntity>(
            KeyEncoding.Encode(tenantId), KeyEncoding.Encode(conversationId), cancellationToken: ct);
        if (existing.HasValue)
        {
            await MarkInactiveAsync(existing.Value!, ct);
        }
    }

    /// <summary>Marks every stored conversation of a team (its channels) inactive: the app was removed from the team.</summary>
    public async Task DeactivateTeamAsync(string tenantId, string teamId, CancellationToken ct = default)
    {
        var partition = KeyEncoding.Encode(tenantId);
        var rows = _table.QueryAsync<ConversationEntity>(e => e.PartitionKey == partition && e.TeamId == teamId, cancellationToken: ct);
        await foreach (var row in rows)
        {
            await MarkInactiveAsync(row, ct);
        }
    }

    public async Task<IReadOnlyList<StoredConversation>> ListForTenantAsync(string tenantId, CancellationToken ct = default)
    {
        var partition = KeyEncoding.Encode(tenantId);
        var result = new List<StoredConversation>();
        await foreach (var row in _table.QueryAsync<ConversationEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
        {
            result.Add(row.ToModel(tenantId));
        }
        return result;
    }

    /// <summary>The bot's active personal chat with a person, if it has one (the one activated last): two point reads.</summary>
    public async Task<StoredConversation?> FindPersonalAsync(string tenantId, string userAadObjectId, CancellationToken ct = default)
    {
        var pointer = await _personalChats.GetEntityIfExistsAsync<PersonalChatEntity>(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(userAadObjectId),
            cancellationToken: ct);
        return pointer.HasValue && await GetAsync(tenantId, pointer.Value!.ConversationId, ct) is { Active: true, Scope: ConversationScope.Personal } chat
            ? chat
            : null;
    }

    /// <summary>Forgets which chat reaches the person (they deleted their data).</summary>
    public async Task ForgetPersonalChatAsync(string tenantId, string userAadObjectId, CancellationToken ct = default)
    {
        try
        {
            await _personalChats.DeleteEntityAsync(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(userAadObjectId), ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>
    /// Gives every active personal chat stored before the pointers existed its pointer (the newest per person), once:
    /// a marker row records that it was done. Until then a person's chat is opened again through Teams, which answers
    /// with the same chat.
    /// </summary>
    public async Task<int> PointToStoredPersonalChatsAsync(CancellationToken ct = default)
    {
        if ((await _personalChats.GetEntityIfExistsAsync<PersonalChatEntity>(PersonalChatEntity.MarkerPartition, PersonalChatEntity.MarkerRow,
                cancellationToken: ct)).HasValue) return 0;
        var newest = new Dictionary<(string, string), ConversationEntity>();
        await foreach (var row in _table.QueryAsync<ConversationEntity>(e => e.Scope == ConversationScope.Personal && e.Active, cancellationToken: ct))
        {
            if (string.IsNullOrEmpty(row.UserAadObjectId)) continue;
            var key = (row.PartitionKey, row.UserAadObjectId);
            if (!newest.TryGetValue(key, out var seen) || seen.InstalledAt < row.InstalledAt) newest[key] = row;
        }
        foreach (var ((partition, person), row) in newest)
        {
            await PointToAsync(KeyEncoding.Decode(partition), person, row.ConversationId, ct);
        }
        await _personalChats.UpsertEntityAsync(new PersonalChatEntity { PartitionKey = PersonalChatEntity.MarkerPartition, RowKey = PersonalChatEntity.MarkerRow },
            TableUpdateMode.Replace, ct);
        return newest.Count;
    }

    private Task PointToAsync(string tenantId, string userAadObjectId, string conversationId, CancellationToken ct) =>
        _personalChats.UpsertEntityAsync(PersonalChatEntity.For(tenantId, userAadObjectId, conversationId), TableUpdateMode.Replace, ct);

    /// <summary>The person's personal chats with the bot, active or not.</summary>
    public async Task<IReadOnlyList<StoredConversation>> ListPersonalAsync(string tenantId, string userAadObjectId, CancellationToken ct = default)
    {
        var partition = KeyEncoding.Encode(tenantId);
        var result = new List<StoredConversation>();
        await foreach (var row in _table.QueryAsync<ConversationEntity>(
            e => e.PartitionKey == partition && e.UserAadObjectId == userAadObjectId, cancellationToken: ct))
        {
            result.Add(row.ToModel(tenantId));
        }
        return result;
    }

    public Task DeleteAsync(string tenantId, string conversationId, CancellationToken ct = default) =>
        _table.DeleteEntityAsync(KeyEncoding.Encode(tenantId), KeyEncoding.Encode(conversationId), ETag.All, ct);

    private async Task MarkInactiveAsync(ConversationEntity row, CancellationToken ct)
    {
        if (!row.Active)
        {
            return;
        }
        row.Active = false;
        row.RemovedAt = clock.GetUtcNow();
        await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, ct);
    }
}
