using CarbonGen;

namespace QuickStart;

/// <summary>Floating-point work: dense matrix products.</summary>
public sealed class Matrix
{
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double[] _product;

    public Matrix(int size)
    {
        Size = size;
        _a = new double[size * size];
        _b = new double[size * size];
        _product = new double[size * size];
    }

    public int Size { get; }

    /// <summary>Fills two matrices from <paramref name="seed"/>, multiplies them and returns the trace of the product.</summary>
    [Carbon]
    public double MultiplyTrace(int seed)
    {
        var n = Size;
        var random = new System.Random(seed);
        for (var i = 0; i < _a.Length; i++)
        {
            _a[i] = random.NextDouble();
            _b[i] = random.NextDouble();
        }

        System.Array.Clear(_product);
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                var aik = _a[(i * n) + k];
                for (var j = 0; j < n; j++)
                {
                    _product[(i * n) + j] += aik * _b[(k * n) + j];
                }
            }
        }

        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            trace += _product[(i * n) + i];
        }

        return trace;
    }
}
