using ConnectingCommunities.Web;

var app = WebApp.Build(args);
await app.RunAsync();
