using System;
using BenchmarkDotNet.Running;

// The benchmarks track their own [Carbon] methods; keep CarbonGen's exit reports out of the working directory.
if (Environment.GetEnvironmentVariable("CARBONGEN_CSV") is null)
{
    Environment.SetEnvironmentVariable("CARBONGEN_CSV", "false");
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, CarbonGen.Benchmarks.BenchmarkConfig.Create());
