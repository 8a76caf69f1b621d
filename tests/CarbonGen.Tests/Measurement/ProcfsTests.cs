using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using CarbonGen.Measurement;
using Xunit;

namespace CarbonGen.Tests.Measurement;

public class ProcfsTests
{
    private const string StatSample = "cpu  55701 10 6990 132260 271 3 40 20 7 0\ncpu0 26580 0 3363 67648 39 0 8 8 0 0\nintr 1 2 3\n";

    [Fact]
    public void The_machine_line_splits_busy_from_idle_and_steal()
    {
        Assert.True(ProcParsers.TryParseMachine(Encoding.ASCII.GetBytes(StatSample), out var times));
        Assert.Equal(55701UL + 10 + 6990 + 3 + 40, times.Busy);
        Assert.Equal(times.Busy + 132260 + 271 + 20, times.Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("intr 1 2 3\n")]
    [InlineData("cpu  1 2\n")]
    [InlineData("cpu  1 2 x 4\n")]
    public void A_machine_line_that_is_not_one_is_refused(string text) =>
        Assert.False(ProcParsers.TryParseMachine(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Load_is_the_busy_share_of_the_ticks_between_two_readings()
    {
        var a = new MachineCpuTimes(100, 1000);
        var b = new MachineCpuTimes(250, 1200);
        Assert.Equal(0.75, b.LoadSince(a));
        Assert.Null(a.LoadSince(a));
    }

    [Fact]
    public void Process_ticks_are_utime_plus_stime_even_with_parentheses_in_the_name()
    {
        var text = "4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 2014 36028 2 14 123 45 31 6 20 0 1 0 97296 5128192 934\n";
        Assert.True(ProcParsers.TryParseProcessTicks(Encoding.ASCII.GetBytes(text), out var ticks));
        Assert.Equal(168UL, ticks);
    }

    [Fact]
    public void This_process_real_stat_file_parses()
    {
        using var reader = new ProcStatReader("/proc");
        Assert.True(reader.TryReadMachine(out var machine), reader.MachineError);
        Assert.True(reader.TryReadProcessTicks(out _), reader.ProcessError);
        Assert.True(machine.Total >= machine.Busy && machine.Busy > 0);
    }

    [Fact]
    public void The_reader_follows_a_stat_file_that_changes_under_its_open_handle()
    {
        using var tree = new FakeTree();
        var stat = tree.Write("proc/stat", "cpu  100 0 0 900 0 0 0 0 0 0\n");
        tree.Write("proc/self/stat", "1 (x) R 0 0 0 0 0 0 0 0 0 0 7 3 0 0\n");
        using var reader = new ProcStatReader(tree.Proc);
        Assert.True(reader.TryReadMachine(out var first));
        FakeTree.WriteInPlace(stat, "cpu  400 0 0 1000 0 0 0 0 0 0\n");
        Assert.True(reader.TryReadMachine(out var second));
        Assert.True(reader.TryReadProcessTicks(out var ticks));

        Assert.Equal(0.75, second.LoadSince(first));
        Assert.Equal(10UL, ticks);
    }

    [Fact]
    public void The_cpu_model_is_read_under_the_procfs_root_and_the_architecture_stands_in_without_one()
    {
        using var tree = new FakeTree();
        tree.Write("proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Test CPU 9000 @ 1.00GHz\n\nprocessor\t: 1\nmodel name\t: Test CPU 9000 @ 1.00GHz\n");

        Assert.Equal("Test CPU 9000 @ 1.00GHz", MachineInfo.ReadCpuModel(tree.Proc));
        Assert.Equal(
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(),
            MachineInfo.ReadCpuModel(Path.Combine(tree.Root, "no-procfs-here")));
    }

    [Fact]
    public void The_machine_memory_is_memtotal_under_the_procfs_root_and_the_runtime_view_without_it()
    {
        using var tree = new FakeTree();
        tree.Write("proc/meminfo", "MemTotal:       65536000 kB\nMemFree:         1000000 kB\n");

        // The memory the RAM model powers, not a container's limit: the memory share is of the same memory.
        Assert.Equal(65536000 / (1024.0 * 1024.0), MachineInfo.ReadTotalMemoryGigabytes(tree.Proc), 9);
        Assert.Equal(
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024),
            MachineInfo.ReadTotalMemoryGigabytes(Path.Combine(tree.Root, "no-procfs-here")),
            9);
    }

    [Fact]
    public void Thread_cpu_time_comes_from_schedstat_through_a_cached_handle()
    {
        using var tree = new FakeTree();
        var path = tree.Write("proc/self/task/77/schedstat", "19453225 1335714 62\n");
        using var reader = new ThreadCpuReader(tree.Proc);

        Assert.True(reader.TryRead(77, out var first));
        FakeTree.WriteInPlace(path, "29453225 1335714 63\n");
        Assert.True(reader.TryRead(77, out var second));
        Assert.False(reader.TryRead(78, out _));

        Assert.Equal(19_453_225UL, first);
        Assert.Equal(29_453_225UL, second);
        Assert.Equal(1, reader.OpenCount);
        reader.Forget(77);
        Assert.Equal(0, reader.OpenCount);
    }

    [Fact]
    public void The_current_thread_is_found_and_its_real_cpu_time_grows_while_it_computes()
    {
        var tid = ThreadCpuReader.CurrentThreadId();
        Assert.True(tid > 0);
        using var reader = new ThreadCpuReader("/proc");
        Assert.True(reader.TryRead(tid, out var before));

        // Spin until the thread's own CPU clock has moved by 20 ms: this cannot pass unless schedstat tracks it.
        var cpu = Stopwatch.StartNew();
        var start = Environment.CpuUsage.TotalTime;
        double sink = 0;
        while ((Environment.CpuUsage.TotalTime - start).TotalMilliseconds < 20 && cpu.Elapsed.TotalSeconds < 30)
        {
            for (var i = 0; i < 10_000; i++)
            {
                sink += Math.Sqrt(i);
            }
        }

        Assert.True(reader.TryRead(tid, out var after));
        Assert.True(after > before, $"schedstat did not move ({before} -> {after}, {sink})");
    }

    [Fact]
    public void Cpuinfo_of_this_kind_of_machine_gives_the_model_one_socket_and_the_hypervisor()
    {
        const string text = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor\nphysical id\t: 0\nsiblings\t: 2\nflags\t\t: fpu vme hypervisor lahf_lm\n\n" +
                            "processor\t: 1\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor\nphysical id\t: 0\nflags\t\t: fpu vme hypervisor lahf_lm\n\n";
        var info = CpuInfo.Parse(text);
        Assert.Equal("Intel(R) Xeon(R) Processor", info.ModelName);
        Assert.Equal(1, info.Sockets);
        Assert.Equal(2, info.LogicalCpus);
        Assert.True(info.IsVirtualMachine);
        Assert.False(info.IsArm);
    }

    [Fact]
    public void Sockets_are_the_distinct_physical_ids()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            text.Append($"processor\t: {i}\nmodel name\t: Intel(R) Xeon(R) Gold 6126 CPU @ 2.60GHz\nphysical id\t: {i % 2}\nflags\t\t: fpu\n\n");
        }

        var info = CpuInfo.Parse(text.ToString());
        Assert.Equal(2, info.Sockets);
        Assert.Equal(8, info.LogicalCpus);
        Assert.False(info.IsVirtualMachine);
    }

    [Fact]
    public void Arm_cpuinfo_without_a_model_name_is_recognised_as_arm()
    {
        var info = CpuInfo.Parse("processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n\n");
        Assert.Null(info.ModelName);
        Assert.True(info.IsArm);
        Assert.Equal(1, info.Sockets);
    }

    [Fact]
    public void The_real_cpuinfo_of_this_machine_parses()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            Assert.Fail("These tests run on Linux: /proc/cpuinfo is missing.");
        }

        var info = CpuInfo.Read("/proc");
        Assert.True(info.LogicalCpus >= 1);
        Assert.True(info.Sockets >= 1);
    }

    [Fact]
    public void Meminfo_total_is_read_in_gibibytes()
    {
        using var tree = new FakeTree();
        tree.Write("proc/meminfo", "MemTotal:       24540776 kB\nMemFree:        23000000 kB\n");
        Assert.Equal(24540776 / 1048576.0, MemInfo.ReadTotalGibibytes(tree.Proc)!.Value, 9);
        Assert.Null(MemInfo.ReadTotalGibibytes(Path.Combine(tree.Root, "nowhere")));
    }
}
