// The floors for the turn benchmark (issues 10 and 17): a bare Bot Framework bot on the same host, adapter and packages
// as CareCompanion, that echoes messages and answers every invoke with an empty 200. With Echo:StorageConnectionString
// set it also upserts one Table Storage entity per turn before answering: the least a turn that stores can do.
using Azure.Data.Tables;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp =>
    new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
TableClient? table = null;
if (builder.Configuration["Echo:StorageConnectionString"] is { Length: > 0 } connection)
{
    table = new TableClient(connection, (builder.Configuration["Echo:TablePrefix"] ?? "") + "echoturns");
    await table.CreateIfNotExistsAsync();
}
builder.Services.AddSingleton(new EchoStore(table));
builder.Services.AddTransient<IBot, EchoBot>();
var app = builder.Build();
app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(request, response, bot));
app.MapGet("/metrics", () => Results.Ok(new { allocatedBytes = GC.GetTotalAllocatedBytes() })); // for the harness, as CareCompanion's
app.Run();

/// <summary>The storing floor's one upsert per turn (none without a table).</summary>
internal sealed record EchoStore(TableClient? Table)
{
    public Task StoreAsync(IActivity activity, CancellationToken ct) => Table is null
        ? Task.CompletedTask
        : Table.UpsertEntityAsync(new TableEntity(activity.From?.Id ?? "anonymous", activity.Id ?? Guid.NewGuid().ToString("N")) { ["Type"] = activity.Type }, cancellationToken: ct);
}

internal sealed class EchoBot(EchoStore store) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        await store.StoreAsync(turnContext.Activity, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        await store.StoreAsync(turnContext.Activity, cancellationToken);
        return new InvokeResponse { Status = 200, Body = new { } };
    }
}
