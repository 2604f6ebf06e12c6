using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace CareCompanion.Storage;

/// <summary>Hands out <see cref="TableClient"/>s for the prefixed tables and creates them at start-up.</summary>
public sealed partial class Tables
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;

    public Tables(IOptions<StorageOptions> options, StorageOperations? operations = null)
    {
        var o = options.Value;
        if (!PrefixPattern().IsMatch(o.TablePrefix))
        {
            throw new ArgumentException($"Storage:TablePrefix '{o.TablePrefix}' must start with a letter and hold only letters and digits (at most 20).");
        }
        _prefix = o.TablePrefix;
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = o.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = o.NetworkTimeout;
        if (operations is not null) clientOptions.AddPolicy(operations, HttpPipelinePosition.PerRetry);
        _service = new TableServiceClient(o.ConnectionString, clientOptions);
    }

    public TableClient Get(string logicalName) => _service.GetTableClient(_prefix + logicalName);

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TableNames.All)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,19}$")]
    private static partial Regex PrefixPattern();
}
