using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using System.Text.Json.Serialization;
using CarbonGen;

namespace QuickStart;

public sealed record Order(int Id, string Customer, decimal Total, List<string> Items);

[JsonSerializable(typeof(List<Order>))]
internal sealed partial class OrderJsonContext : JsonSerializerContext;

/// <summary>Allocation-heavy work: JSON serialisation (source-generated, so it stays AOT clean).</summary>
public sealed class OrderBook
{
    /// <summary>Serialises <paramref name="count"/> orders to JSON and reads them back; returns the size in bytes.</summary>
    [Carbon]
    public int RoundTrip(int count)
    {
        var orders = new List<Order>(count);
        for (var i = 0; i < count; i++)
        {
            orders.Add(new Order(i, "customer-" + (i % 97), 10.5m + i, ["book", "pen", "item-" + i]));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(orders, OrderJsonContext.Default.ListOrder);
        var back = JsonSerializer.Deserialize(json, OrderJsonContext.Default.ListOrder);
        return back is { Count: var n } && n == count ? json.Length : -1;
    }

    /// <summary>
    /// Writes <paramref name="count"/> orders to a stream asynchronously, after waiting for a simulated
    /// storage round trip: CarbonGen measures the call until its task completes.
    /// </summary>
    [Carbon]
    public async Task<long> SaveAsync(int count)
    {
        await Task.Delay(5);
        var orders = new List<Order>(count);
        for (var i = 0; i < count; i++)
        {
            orders.Add(new Order(i, "saved-" + i, i, ["item"]));
        }

        using var stream = new MemoryStream();
        await JsonSerializer.SerializeAsync(stream, orders, OrderJsonContext.Default.ListOrder);
        return stream.Length;
    }
}
