using System;
using System.Collections.Generic;
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

    /// <summary>
    /// Yields the primes from 2 upwards by trial division, lazily: CarbonGen measures the work done while
    /// the caller enumerates, not just the call that creates the sequence.
    /// </summary>
    [Carbon]
    public static IEnumerable<int> Ascending()
    {
        for (var candidate = 2; ; candidate++)
        {
            var prime = true;
            for (var d = 2; d * d <= candidate; d++)
            {
                if (candidate % d == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime)
            {
                yield return candidate;
            }
        }
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
