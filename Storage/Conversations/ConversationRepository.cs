using Azure;
using Azure.Data.Tables;

namespace CareCompanion.Storage.Conversations;

/// <summary>Conversation references: where the bot is installed and how to reach each place later.</summary>
public sealed class ConversationRepository(Tables tables, TimeProvider clock)
{
    private readonly TableClient _table = tables.Get(TableNames.Conversations);

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

    /// <summary>The bot's active personal chat with a person, if it has one (the newest, if a reinstall left an older one).</summary>
    public async Task<StoredConversation?> FindPersonalAsync(string tenantId, string userAadObjectId, CancellationToken ct = default) =>
        (await ListPersonalAsync(tenantId, userAadObjectId, ct)).Where(c => c.Active && c.Scope == ConversationScope.Personal)
            .MaxBy(c => c.InstalledAt);

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
