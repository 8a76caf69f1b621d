using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CarbonGen.Runtime;

/// <summary>
/// Extends the measurement of an asynchronous call from the moment it returns its task to the moment
/// the task completes, on whatever thread that happens. The caller gets the very task the method
/// returned (a value task that was not complete is handed back wrapping the same operation).
/// A task that is already complete costs no allocation; one that is still running costs one
/// continuation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CarbonAsync
{
    private static readonly System.Action<Task, object?> s_completed = static (task, state) => ((PendingCall)state!).Complete(task);

    /// <summary>Tracks a <see cref="Task"/> until it completes.</summary>
    public static Task Track(Task task, in CarbonFrame frame)
    {
        Watch(task, frame.Id);
        return task;
    }

    /// <summary>Tracks a <see cref="Task{TResult}"/> until it completes.</summary>
    public static Task<T> Track<T>(Task<T> task, in CarbonFrame frame)
    {
        Watch(task, frame.Id);
        return task;
    }

    /// <summary>Tracks a <see cref="ValueTask"/> until it completes.</summary>
    public static ValueTask Track(ValueTask task, in CarbonFrame frame)
    {
        if (task.IsCompleted)
        {
            RecordOutcome(frame.Id, task.IsCanceled, task.IsFaulted);
            return task;
        }

        var asTask = task.AsTask();
        Watch(asTask, frame.Id);
        return new ValueTask(asTask);
    }

    /// <summary>Tracks a <see cref="ValueTask{TResult}"/> until it completes.</summary>
    public static ValueTask<T> Track<T>(ValueTask<T> task, in CarbonFrame frame)
    {
        if (task.IsCompleted)
        {
            RecordOutcome(frame.Id, task.IsCanceled, task.IsFaulted);
            return task;
        }

        var asTask = task.AsTask();
        Watch(asTask, frame.Id);
        return new ValueTask<T>(asTask);
    }

    private static void Watch(Task task, int id)
    {
        if (task.IsCompleted)
        {
            RecordOutcome(id, task.IsCanceled, task.IsFaulted);
            return;
        }

        var method = MethodRegistry.All[id];
        if (!method.HasCompletedAsynchronously)
        {
            method.HasCompletedAsynchronously = true;
        }

        task.ContinueWith(
            s_completed,
            new PendingCall(id, Stopwatch.GetTimestamp()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void RecordOutcome(int id, bool canceled, bool faulted)
    {
        if (!canceled && !faulted)
        {
            return;
        }

        ref var slot = ref ThreadAccumulator.SlotOf(id);
        if (canceled)
        {
            slot.CanceledCalls++;
        }
        else
        {
            slot.FailedCalls++;
        }
    }

    /// <summary>A call whose task was still running when the method returned it.</summary>
    private sealed class PendingCall(int id, long returnedAt)
    {
        public void Complete(Task task)
        {
            ThreadAccumulator.SlotOf(id).InclusiveTicks += Stopwatch.GetTimestamp() - returnedAt;
            RecordOutcome(id, task.IsCanceled, task.IsFaulted);
        }
    }
}
