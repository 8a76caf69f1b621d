// QuickStart: a few [Carbon] methods doing real work of different sizes.
// Run it, and CarbonGen prints a per-method summary to stderr at exit and writes
// emissions.csv and emissions_methods.csv in the current directory (or CARBONGEN_OUTPUT_DIR).
using System;
using System.Linq;
using QuickStart;

var primeCount = 0;
for (var round = 0; round < 10; round++)
{
    primeCount = Primes.Sieve(10_000_000);
}

var matrix = new Matrix(300);
var trace = 0.0;
for (var seed = 0; seed < 12; seed++)
{
    trace += matrix.MultiplyTrace(seed);
}

var book = new OrderBook();
var bytes = 0L;
for (var i = 0; i < 500; i++)
{
    bytes += book.RoundTrip(400);
}

var saved = 0L;
for (var i = 0; i < 20; i++)
{
    saved += await book.SaveAsync(200);
}

var sumOfFirstPrimes = Primes.Ascending().Take(20_000).Sum(p => (long)p);

var rejected = 0;
for (var candidate = 0; candidate < 100; candidate++)
{
    try
    {
        Primes.RequirePrime(candidate);
    }
    catch (ArgumentOutOfRangeException)
    {
        rejected++;
    }
}

Console.WriteLine($"primes below 10,000,000: {primeCount}");
Console.WriteLine($"sum of traces: {trace:F1}");
Console.WriteLine($"JSON bytes round-tripped: {bytes:N0}");
Console.WriteLine($"JSON bytes saved asynchronously: {saved:N0}");
Console.WriteLine($"sum of the first 20,000 primes: {sumOfFirstPrimes:N0}");
Console.WriteLine($"non-primes rejected below 100: {rejected}");
