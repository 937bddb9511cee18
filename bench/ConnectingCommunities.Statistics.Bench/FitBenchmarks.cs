using BenchmarkDotNet.Attributes;
using ConnectingCommunities.Statistics.Regression;

namespace ConnectingCommunities.Statistics.Bench;

/// <summary>
/// The fit of the 1,000,000 x 30 synthetic design against the floor: streaming the design
/// matrix from memory once per IRLS iteration (the iteration count is that of the fit).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class FitBenchmarks
{
    private DesignMatrix design = null!;
    private int iterations;

    [GlobalSetup]
    public void Setup()
    {
        design = SyntheticDesign.Create();
        iterations = LogisticRegression.Fit(design).Iterations;
    }

    [Benchmark(Description = "LogisticRegression.Fit, 1e6 x 30")]
    public LogisticRegressionResult Fit() => LogisticRegression.Fit(design);

    [Benchmark(Description = "Floor: stream the design once per iteration")]
    public double StreamOncePerIteration()
    {
        var total = 0.0;
        for (var k = 0; k < iterations; k++)
        {
            total += MemoryStreaming.ReadOnce(design);
        }

        return total;
    }

    [Benchmark(Description = "Stream the design once")]
    public double StreamOnce() => MemoryStreaming.ReadOnce(design);
}
