using System.Diagnostics;
using BenchmarkDotNet.Running;
using ConnectingCommunities.Statistics.Bench;
using ConnectingCommunities.Statistics.Regression;

// Modes:
//   (none) or BenchmarkDotNet arguments   run the benchmarks
//   export DIR                            write the design for R (column-major doubles) and the outcome
//   memory                                one fit in a fresh process; print time and peak memory
//   quick                                 a few timed fits with a stopwatch, for development
if (args.Length > 0 && args[0] == "export")
{
    Modes.Export(args.Length > 1 ? args[1] : ".");
    return 0;
}

if (args.Length > 0 && args[0] == "memory")
{
    Modes.Memory();
    return 0;
}

if (args.Length > 0 && args[0] == "quick")
{
    Modes.Quick();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(FitBenchmarks).Assembly).Run(args);
return 0;

internal static class Modes
{
    public static void Export(string directory)
    {
        var design = SyntheticDesign.Create();
        Directory.CreateDirectory(directory);
        using (var stream = new BinaryWriter(File.Create(Path.Combine(directory, "design.bin"))))
        {
            // Column-major, as R's matrix() fills.
            for (var j = 0; j < design.ColumnCount; j++)
            {
                for (var i = 0; i < design.RowCount; i++)
                {
                    stream.Write(design[i, j]);
                }
            }
        }

        using (var stream = new BinaryWriter(File.Create(Path.Combine(directory, "outcome.bin"))))
        {
            foreach (var y in design.Outcome)
            {
                stream.Write(y);
            }
        }

        File.WriteAllLines(Path.Combine(directory, "columns.txt"), design.Terms.Select(t => t.Name));
        Console.WriteLine($"Wrote {design.RowCount} x {design.ColumnCount} to {directory}");
    }

    public static void Memory()
    {
        var design = SyntheticDesign.Create();
        var designBytes = (long)design.RowCount * design.ColumnCount * sizeof(double);
        var before = PeakResidentBytes();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var watch = Stopwatch.StartNew();
        var fit = LogisticRegression.Fit(design);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var peak = PeakResidentBytes();
        Console.WriteLine($"design matrix: {designBytes / 1e6:F1} MB ({design.RowCount} x {design.ColumnCount} doubles); outcome {design.RowCount * 8 / 1e6:F1} MB");
        Console.WriteLine($"fit: {watch.Elapsed.TotalMilliseconds:F0} ms, {fit.Iterations} iterations, converged {fit.Converged}, deviance {fit.ResidualDeviance:R}");
        Console.WriteLine($"managed memory allocated by the fit: {allocated / 1e6:F2} MB");
        Console.WriteLine($"peak resident set of the whole process before the fit: {before / 1e6:F1} MB; after: {peak / 1e6:F1} MB = {(double)peak / designBytes:F3} x the design matrix");
        Console.WriteLine($"coefficients: {string.Join(" ", fit.Terms.Take(5).Select(t => t.Estimate?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))} ...");
    }

    public static void Quick()
    {
        var design = SyntheticDesign.Create();
        var pass = new WeightedPass(design, Enumerable.Range(0, design.ColumnCount).ToArray(), null);
        var beta = new double[design.ColumnCount];
        beta[0] = -0.5;
        var all = Enumerable.Range(0, design.ColumnCount).ToArray();
        var statistics = new ColumnStatistics();
        var start = pass.Run(null, statistics);
        var grouped = new WeightedPass(design, all, null, IndicatorGroups.Find(all, statistics, start.Cross!, design.RowCount));
        // CPU time (all threads) as well as wall-clock: other work on the machine stretches the
        // wall-clock time of a pass far more than the CPU time it needs.
        var timings = new Dictionary<string, (double Wall, double Cpu)>();
        void Time(string name, Action action)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            action();
            wall.Stop();
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            var old = timings.GetValueOrDefault(name, (Wall: double.MaxValue, Cpu: double.MaxValue));
            timings[name] = (Math.Min(old.Wall, wall.Elapsed.TotalMilliseconds), Math.Min(old.Cpu, cpuMs));
        }

        for (var run = 0; run < 20; run++)
        {
            Time("dense pass", () => pass.Run(beta, null));
            Time("pass as the fit makes it", () => grouped.Run(beta, null));
            Time("deviance-only pass", () => grouped.Run(beta, null, accumulate: false));
            Time("first pass with statistics", () => pass.Run(null, new ColumnStatistics()));
            Time("stream once", () => MemoryStreaming.ReadOnce(design));
            if (Environment.GetEnvironmentVariables().Keys.Cast<string>().All(k => !k.StartsWith("NO", StringComparison.Ordinal)))
            {
                Time("fit", () => LogisticRegression.Fit(design));
            }
        }

        foreach (var (name, (wall, cpu)) in timings)
        {
            Console.WriteLine($"{name,-28} best wall {wall,7:F1} ms   best CPU {cpu,7:F1} ms");
        }

        var bestFit = double.MaxValue;
        var bestFloor = double.MaxValue;
        for (var run = 0; run < 15; run++)
        {
            var watch = Stopwatch.StartNew();
            var fit = LogisticRegression.Fit(design);
            var fitTime = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            for (var k = 0; k < fit.Iterations; k++)
            {
                MemoryStreaming.ReadOnce(design);
            }

            var floor = watch.Elapsed.TotalMilliseconds;
            bestFit = Math.Min(bestFit, fitTime);
            bestFloor = Math.Min(bestFloor, floor);
            Console.WriteLine($"fit {fitTime:F0} ms ({fit.Iterations} iterations); floor {floor:F0} ms; deviance {fit.ResidualDeviance:R}");
        }

        Console.WriteLine($"best fit {bestFit:F0} ms; best floor {bestFloor:F0} ms; ratio {bestFit / bestFloor:F2}");
    }

    /// <summary>VmHWM: the most resident memory the process has had.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
