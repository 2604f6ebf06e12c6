using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;

namespace CareCompanion.Storage.Delivery;

/// <summary>The Azure Queue Storage queue that fans a job out: one message per recipient conversation.</summary>
public sealed class DeliveryQueue
{
    private readonly QueueClient _queue;

    public DeliveryQueue(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        clientOptions.Retry.MaxRetries = o.MaxRetries;
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = o.NetworkTimeout;
        _queue = new QueueClient(o.ConnectionString, QueueName(o), clientOptions);
    }

    /// <summary>The queue's name: the environment's prefix, so environments and test runs sharing one account never collide.</summary>
    public static string QueueName(StorageOptions options) => options.TablePrefix.ToLowerInvariant() + "-deliveries";

    public Task CreateAsync(CancellationToken ct) => _queue.CreateIfNotExistsAsync(cancellationToken: ct);

    public Task EnqueueAsync(DeliveryMessage message, CancellationToken ct) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(message), ct);

    public async Task<IReadOnlyList<(DeliveryMessage Message, QueueMessage Receipt)>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct)
    {
        var received = await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), visibility, ct);
        return received.Value
            .Select(r => (JsonSerializer.Deserialize<DeliveryMessage>(r.Body.ToString())!, r))
            .ToList();
    }

    public Task DeleteAsync(QueueMessage receipt, CancellationToken ct) =>
        _queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, ct);

    /// <summary>Puts a received message back, out of sight for <paramref name="delay"/>: it comes back behind those waiting now.</summary>
    public Task DelayAsync(QueueMessage receipt, TimeSpan delay, CancellationToken ct) =>
        _queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, visibilityTimeout: delay, cancellationToken: ct);

    public async Task<int> ApproximateCountAsync(CancellationToken ct = default) =>
        (await _queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
}
