#ifndef LESSONS_THREAD_PLACEMENT_H
#define LESSONS_THREAD_PLACEMENT_H

/// Where a kernel helper thread runs. A helper that the OS put on the CPU of
/// the thread it helps shares that CPU with it (every parallel part then runs
/// in turns, slower than one thread) while the other core idles; it moves
/// itself away with these. Linux only: elsewhere the CPU is unknown (-1) and
/// nothing moves (0).

/// The CPU the calling thread runs on now, or -1.
int lessons_current_cpu(void);

/// Restricts the calling thread to the CPUs the process's main thread may use,
/// except `cpu`, when that leaves one; the thread leaves `cpu` at once.
/// Returns 1 when the thread was restricted, else 0.
int lessons_thread_avoid_cpu(int cpu);

/// Restricts the calling thread to `cpu` alone (tests); returns 1 on success.
int lessons_thread_pin_cpu(int cpu);

/// Lets the calling thread run on every CPU the process's main thread may use.
void lessons_thread_unpin(void);

#endif
