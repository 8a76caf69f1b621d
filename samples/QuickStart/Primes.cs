using System;
using CarbonGen;

namespace QuickStart;

/// <summary>CPU- and memory-bound work: the sieve of Eratosthenes.</summary>
public static class Primes
{
    /// <summary>Counts the primes up to <paramref name="limit"/>.</summary>
    [Carbon]
    public static int Sieve(int limit)
    {
        var composite = new bool[limit + 1];
        var count = 0;
        for (var n = 2; n <= limit; n++)
        {
            if (composite[n])
            {
                continue;
            }

            count++;
            for (var multiple = (long)n * n; multiple <= limit; multiple += n)
            {
                composite[multiple] = true;
            }
        }

        return count;
    }

    /// <summary>Throws for values that are not prime: a tracked method that fails is still counted.</summary>
    [Carbon]
    public static void RequirePrime(int value)
    {
        if (value < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Primes start at 2.");
        }

        for (var d = 2; d * d <= value; d++)
        {
            if (value % d == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is divisible by {d}.");
            }
        }
    }
}
