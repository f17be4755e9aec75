using Rpa.Host.Cli;

return await RpaCli.RunAsync(args, Console.Out, Console.Error);
