using ConnectingCommunities.Web;

var app = await WebApp.BuildAsync(args);
await app.RunAsync();
