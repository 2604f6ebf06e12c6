using CareCompanion.Bot.Hosting;

var app = BotApp.Build(args);
app.Run();
