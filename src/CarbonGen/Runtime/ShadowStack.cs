using System.Runtime.CompilerServices;

namespace CarbonGen.Runtime;

/// <summary>
/// The ids of the tracked methods active on one thread, inline in its accumulator: a fixed length the
/// JIT knows, so a push checked against <see cref="ThreadAccumulator.StackCapacity"/> needs no other bounds check.
/// </summary>
[InlineArray(ThreadAccumulator.StackCapacity)]
internal struct ShadowStack
{
    private int _first;
}
